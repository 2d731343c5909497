// Where a trait may be applied: a small subset of Smithy selectors, enough for the common trait
// definitions (`operation`, `:test(service, resource)`, `structure > member`, ...). Selectors
// outside the subset are not judged (`undefined`), never guessed.
//
//   selectorAllows("operation", { type: "string" })                          → false
//   selectorAllows(":test(number, member > number)", { type: "integer" })     → true
//   selectorAllows("structure > member", { type: "member", container: "union" }) → false
//   selectorAllows("structure > :test(member > string)", { type: "member", container: "structure", target: "blob" }) → false
//   selectorAllows("~> member :test(> document)", ...)                        → undefined
//   selectorAllows("structure > member[trait|required] :test(> string)",
//     { type: "member", container: "structure", hasTrait: (t) => t === "smithy.api#sensitive" }) → false

const NUMBER = new Set(["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal", "intEnum"]);
const SIMPLE = new Set([...NUMBER, "blob", "boolean", "document", "string", "timestamp", "enum"]);

export interface SelectorSubject {
  /** The shape's type, or `member`. */
  type: string;
  /** For members: the type of the shape that holds the member. */
  container?: string;
  /** For members: the type of the member's target, when known. */
  target?: string | undefined;
  /**
   * For members: whether the member carries a trait (absolute id). `undefined` when that cannot be
   * told here (a member of a shape with mixins may inherit the trait), and then `[trait|…]` is not judged.
   */
  hasTrait?: ((trait: string) => boolean) | undefined;
}

/** `required` in a selector's `[trait|required]` names the prelude's trait. */
function absoluteTrait(name: string): string {
  return name.includes("#") ? name : `smithy.api#${name}`;
}

/**
 * The trait (absolute id) a selector asks of a member: `structure > member[trait|required] …` →
 * `smithy.api#required`; undefined for a selector without `member[trait|…]`.
 */
export function memberTraitOf(selector: string): string | undefined {
  const name = /member\[trait\|([\w.#]+)\]/.exec(selector)?.[1];
  return name === undefined ? undefined : absoluteTrait(name);
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
  // `member > B`, one alternative of `:test(number, member > number)` (@range's): a member whose target is a B.
  const target = /^member\s*>\s*([A-Za-z*]+)$/.exec(s);
  if (target) {
    if (subject.type !== "member") return false;
    return subject.target === undefined ? undefined : typeMatches(target[1] as string, subject.target);
  }
  return undefined;
}

/** Whether `subject` matches `selector`; `undefined` when the selector is outside the subset. */
export function selectorAllows(selector: string, subject: SelectorSubject): boolean | undefined {
  const s = selector.trim();
  // `A > member[trait|T] …` (@httpLabel's) or `A > :test(member[trait|T] > B)` (@hostLabel's): a
  // member of an A that carries T, and then the rest of the selector without the attribute.
  const attribute = /^([A-Za-z*]+\s*>\s*(?::test\(\s*)?member)\[trait\|([\w.#]+)\]/.exec(s);
  if (attribute) {
    if (subject.type !== "member") return false;
    const rest = selectorAllows(attribute[1] + s.slice(attribute[0].length), subject);
    if (rest === false) return false;
    const has = subject.hasTrait?.(absoluteTrait(attribute[2] as string));
    if (has === false) return false;
    return has === undefined ? undefined : rest;
  }
  // `A > :test(member > B)` (@idempotencyToken's), `:test(member > B)` or `A > member :test(> B)`: a
  // member of an A whose target is a B; B may be `:test(B1, B2, …)`, one of several types.
  const memberTarget =
    /^(?:([A-Za-z*]+)\s*>\s*)?(?::test\(\s*member\s*>\s*([A-Za-z*]+|:test\([A-Za-z*,\s]+\))\s*\)|member\s*:test\(\s*>\s*([A-Za-z*]+|:test\([A-Za-z*,\s]+\))\s*\))$/.exec(s);
  if (memberTarget) {
    if (subject.type !== "member") return false;
    const container = memberTarget[1] === undefined ? true : subject.container === undefined ? undefined : typeMatches(memberTarget[1], subject.container);
    const targets = (memberTarget[2] ?? memberTarget[3] as string).replace(/^:test\(|\)$/g, "").split(",").map((t) => t.trim());
    const verdicts = subject.target === undefined ? [undefined] : targets.map((t) => typeMatches(t, subject.target as string));
    const target = verdicts.includes(true) ? true : verdicts.includes(undefined) ? undefined : false;
    if (container === false || target === false) return false;
    return container === undefined || target === undefined ? undefined : true;
  }
  const group = /^:(?:test|is)\((.*)\)$/.exec(s);
  const parts = group ? (group[1] as string).split(",") : [s];
  if (parts.some((p) => /[()[\]:~-]/.test(p))) return undefined;
  if (subject.type === "member" && subject.target === undefined && parts.some((p) => /^\s*member\s*>/.test(p))) return undefined;
  let any = false;
  for (const p of parts) {
    const r = single(p, subject);
    if (r === undefined) return undefined;
    if (r) any = true;
  }
  return any;
}
