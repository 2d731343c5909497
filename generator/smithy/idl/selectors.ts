// Where a trait may be applied: a small subset of Smithy selectors, enough for the common trait
// definitions (`operation`, `:test(service, resource)`, `structure > member`, ...). Selectors
// outside the subset are not judged (`undefined`), never guessed.
//
//   selectorAllows("operation", { type: "string" })                          → false
//   selectorAllows(":test(number, member > number)", { type: "integer" })     → true
//   selectorAllows("structure > member", { type: "member", container: "union" }) → false
//   selectorAllows("structure > :test(member > string)", { type: "member", container: "structure", target: "blob" }) → false
//   selectorAllows("~> member :test(> document)", ...)                        → undefined

const NUMBER = new Set(["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal", "intEnum"]);
const SIMPLE = new Set([...NUMBER, "blob", "boolean", "document", "string", "timestamp", "enum"]);

export interface SelectorSubject {
  /** The shape's type, or `member`. */
  type: string;
  /** For members: the type of the shape that holds the member. */
  container?: string;
  /** For members: the type of the member's target, when known. */
  target?: string | undefined;
}

function typeMatches(name: string, type: string): boolean | undefined {
  switch (name) {
    case "*":
      return true;
    case "number":
      return NUMBER.has(type);
    case "simpleType":
      return SIMPLE.has(type);
    case "collection":
      return type === "list" || type === "set";
    case "string":
      return type === "string" || type === "enum";
    case "integer":
      return type === "integer" || type === "intEnum";
    case "list":
      return type === "list" || type === "set";
    case "blob": case "boolean": case "document": case "timestamp": case "byte": case "short": case "long":
    case "float": case "double": case "bigInteger": case "bigDecimal": case "enum": case "intEnum": case "map":
    case "set": case "structure": case "union": case "service": case "operation": case "resource": case "member":
      return type === name;
    default:
      return undefined;
  }
}

function single(sel: string, subject: SelectorSubject): boolean | undefined {
  const s = sel.trim();
  const child = /^([A-Za-z*]+)\s*>\s*member$/.exec(s);
  if (child) {
    if (subject.type !== "member" || subject.container === undefined) return subject.type === "member" ? undefined : false;
    return typeMatches(child[1] as string, subject.container);
  }
  if (/^[A-Za-z*]+$/.test(s)) return typeMatches(s, subject.type);
  return undefined;
}

/** Whether `subject` matches `selector`; `undefined` when the selector is outside the subset. */
export function selectorAllows(selector: string, subject: SelectorSubject): boolean | undefined {
  const s = selector.trim();
  // `A > :test(member > B)` (@idempotencyToken's) or `:test(member > B)`: a member of an A whose target is a B.
  const memberTarget = /^(?:([A-Za-z*]+)\s*>\s*)?:test\(\s*member\s*>\s*([A-Za-z*]+)\s*\)$/.exec(s);
  if (memberTarget) {
    if (subject.type !== "member") return false;
    const container = memberTarget[1] === undefined ? true : subject.container === undefined ? undefined : typeMatches(memberTarget[1], subject.container);
    const target = subject.target === undefined ? undefined : typeMatches(memberTarget[2] as string, subject.target);
    if (container === false || target === false) return false;
    return container === undefined || target === undefined ? undefined : true;
  }
  const group = /^:(?:test|is)\((.*)\)$/.exec(s);
  const parts = group ? (group[1] as string).split(",") : [s];
  if (parts.some((p) => /[()[\]:~-]/.test(p))) return undefined;
  let any = false;
  for (const p of parts) {
    const r = single(p, subject);
    if (r === undefined) return undefined;
    if (r) any = true;
  }
  return any;
}
