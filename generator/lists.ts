// Lists of any length. `target.push(...items)` spreads `items` into the call's arguments, and V8
// throws a RangeError ("Maximum call stack size exceeded") past about 125,000 of them: a valid
// model can hold a structure of 150,000 members, an enum of 150,000 values, a documentation of
// 150,000 paragraphs or a pattern of 150,000 alternatives. So lists are appended one by one.
// test/limits/large-lists.test.ts generates such models; test/limits/no-spread-calls.test.ts keeps
// spreads of lists out of calls in generator/.
//
//   const lines = ["a"];
//   append(lines, ["b", "c"]);   → lines is ["a", "b", "c"]

/** Appends every item of `items` to `target`, in order. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
