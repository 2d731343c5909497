// A node value judged against the shape it is a value of, as the reference's node validation
// judges a @default, a trait's value against its trait shape, or an example's input: the node's
// kind against the shape's type, integers against their type's width, and the constraint traits
// (@length, @pattern, @range, @enum, enum and intEnum values) of the shape and of each member on
// the way. Shared by defaults.ts, trait-values.ts and operation-traits.ts.
//
//   @length(min: 5) string Bar      checkNodeValue(ctx, "hi", { id: "ns#Bar" })
//   → [{ message: "String value provided for `ns#Bar` must be >= 5 characters, but the provided
//        value is only 2 characters.", path: "" }]
//
// Only what can be judged exactly is reported: a `null` inside a value, a timestamp, a blob's
// length, a pattern ECMAScript cannot say, an unknown structure member (a warning in the
// reference) pass without a word.

import { compareDecimals, numberText } from "../../model/decimal.js";
import { BigNumberNode, isObjectNode, type AstMemberRef, type AstShape, type NodeValue } from "../ast.js";
import { typeMatches } from "../idl/selectors.js";
import type { ValidationContext } from "./index.js";

export interface NodeProblem {
  readonly message: string;
  /** Where in the value (`""`, `foo.0.bar`), as the reference's context path. */
  readonly path: string;
  /** What failed: the node's kind, a required member, a shape id's syntax, an enum's values, or another constraint. */
  readonly kind: "type" | "required" | "shapeId" | "enum" | "constraint";
  /** A @range failure: the reference words these apart (`.Member.InvalidRange`) and lets a zero default pass with a warning. */
  readonly range?: { readonly onMember: boolean; readonly zero: boolean };
}

/** What a value is checked against: a shape, or a member (its own traits, then its target). */
export type NodeSubject = { readonly id: string } | { readonly memberId: string; readonly member: AstMemberRef };

const INTEGER_BOUNDS: Readonly<Record<string, readonly [bigint, bigint] | undefined>> = {
  byte: [-128n, 127n],
  short: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  long: [-9223372036854775808n, 9223372036854775807n],
};

export function checkNodeValue(ctx: ValidationContext, value: NodeValue, subject: NodeSubject): NodeProblem[] {
  const out: NodeProblem[] = [];
  if ("memberId" in subject) visitMember(ctx, value, subject.memberId, subject.member, "", out, 0);
  else visitShape(ctx, value, subject.id, "", out, 0);
  return out;
}

/** The JSON-ish name of a node's kind, as the reference names it. */
export function nodeKind(value: NodeValue): "null" | "boolean" | "number" | "string" | "array" | "object" {
  if (value === null) return "null";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number" || value instanceof BigNumberNode) return "number";
  if (typeof value === "string") return "string";
  return Array.isArray(value) ? "array" : "object";
}

function numberTextOf(value: number | BigNumberNode): string {
  return typeof value === "number" ? numberText(value) : value.text;
}

function join(path: string, segment: string): string {
  return path === "" ? segment : `${path}.${segment}`;
}

/** Values nest at most this deep before we stop judging (a model's values are shallow). */
const MAX_DEPTH = 64;

function visitMember(ctx: ValidationContext, value: NodeValue, memberId: string, member: AstMemberRef, path: string, out: NodeProblem[], depth: number): void {
  if (value === null) return;
  constraints(ctx, value, memberId, member.traits ?? {}, undefined, path, out, true);
  visitShape(ctx, value, member.target, path, out, depth + 1);
}

/** Whether the value is of the `wanted` kind; if not, says so. */
function kindIs(value: NodeValue, wanted: string, shape: AstShape, id: string, path: string, out: NodeProblem[]): boolean {
  const kind = nodeKind(value);
  if (kind === wanted) return true;
  const shown = typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof BigNumberNode ? `, \`${typeof value === "number" || value instanceof BigNumberNode ? numberTextOf(value) : String(value)}\`` : "";
  out.push({ kind: "type", message: `Expected ${wanted} value for ${shape.type} shape, \`${id}\`; found ${kind} value${shown}`, path });
  return false;
}

function visitShape(ctx: ValidationContext, value: NodeValue, id: string, path: string, out: NodeProblem[], depth: number): void {
  const shape = ctx.shape(id);
  if (shape === undefined || value === null || depth > MAX_DEPTH) return;
  const traits = shape.traits ?? {};
  switch (shape.type) {
    case "blob":
    case "string":
      if (kindIs(value, "string", shape, id, path, out)) constraints(ctx, value, id, traits, shape, path, out, false);
      return;
    case "enum":
      if (kindIs(value, "string", shape, id, path, out)) constraints(ctx, value, id, traits, shape, path, out, false);
      return;
    case "boolean":
      kindIs(value, "boolean", shape, id, path, out);
      return;
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "bigInteger":
    case "intEnum": {
      if (!kindIs(value, "number", shape, id, path, out)) return;
      const text = numberTextOf(value as number | BigNumberNode);
      if (!/^-?\d+$/.test(text)) {
        out.push({ kind: "type", message: `${shape.type} shapes must not have floating point values, but found \`${text}\` provided for \`${id}\``, path });
        return;
      }
      const bounds = INTEGER_BOUNDS[shape.type === "intEnum" ? "integer" : shape.type];
      if (bounds !== undefined) {
        const n = BigInt(text);
        if (n < bounds[0]) return void out.push({ kind: "type", message: `${shape.type} value must be > ${bounds[0]}, but found ${text}`, path });
        if (n > bounds[1]) return void out.push({ kind: "type", message: `${shape.type} value must be < ${bounds[1]}, but found ${text}`, path });
      }
      constraints(ctx, value, id, traits, shape, path, out, false);
      return;
    }
    case "float":
    case "double":
    case "bigDecimal":
      if (kindIs(value, "number", shape, id, path, out)) constraints(ctx, value, id, traits, shape, path, out, false);
      return;
    case "list":
    case "set":
      if (!kindIs(value, "array", shape, id, path, out)) return;
      constraints(ctx, value, id, traits, shape, path, out, false);
      if (shape.member !== undefined) (value as NodeValue[]).forEach((item, i) => visitMember(ctx, item, `${id}$member`, shape.member!, join(path, String(i)), out, depth));
      return;
    case "map":
      if (!kindIs(value, "object", shape, id, path, out)) return;
      constraints(ctx, value, id, traits, shape, path, out, false);
      for (const [k, v] of Object.entries(value as Record<string, NodeValue>)) {
        if (shape.key !== undefined) visitMember(ctx, k, `${id}$key`, shape.key, join(path, `${k} (map-key)`), out, depth);
        if (shape.value !== undefined) visitMember(ctx, v, `${id}$value`, shape.value, join(path, k), out, depth);
      }
      return;
    case "structure": {
      if (!kindIs(value, "object", shape, id, path, out)) return;
      const object = value as Record<string, NodeValue>;
      const members = shape.members ?? {};
      for (const [k, v] of Object.entries(object)) {
        const member = Object.prototype.hasOwnProperty.call(members, k) ? members[k] : undefined;
        if (member !== undefined) visitMember(ctx, v, `${id}$${k}`, member, join(path, k), out, depth);
      }
      for (const [name, member] of Object.entries(members)) {
        if (member.traits?.["smithy.api#required"] === undefined || Object.prototype.hasOwnProperty.call(object, name)) continue;
        // A required member with a default (its own, or its target's) has a value anyway.
        if (member.traits?.["smithy.api#default"] !== undefined || ctx.shape(member.target)?.traits?.["smithy.api#default"] !== undefined) continue;
        out.push({ kind: "required", message: `Missing required structure member \`${name}\` for \`${id}\``, path });
      }
      return;
    }
    case "union": {
      if (!kindIs(value, "object", shape, id, path, out)) return;
      const entries = Object.entries(value as Record<string, NodeValue>);
      if (entries.length > 1) return void out.push({ kind: "type", message: "union values can contain a value for only a single member", path });
      const members = shape.members ?? {};
      for (const [k, v] of entries) {
        const member = Object.prototype.hasOwnProperty.call(members, k) ? members[k] : undefined;
        if (member !== undefined) visitMember(ctx, v, `${id}$${k}`, member, join(path, k), out, depth);
      }
      return;
    }
    case "document":
    case "timestamp":
      return;
    default:
      return; // service, operation, resource: no value shape (the reference reports a broken schema elsewhere)
  }
}

/**
 * The constraint traits of a shape or member (`owner`) on a value of the right kind. `shape` is the
 * shape itself when the traits are a shape's (for enum values), undefined for a member's.
 */
function constraints(ctx: ValidationContext, value: NodeValue, owner: string, traits: Readonly<Record<string, NodeValue>>, shape: AstShape | undefined, path: string, out: NodeProblem[], onMember: boolean): void {
  const length = traits["smithy.api#length"];
  if (isObjectNode(length)) {
    const min = typeof length["min"] === "number" ? length["min"] : undefined;
    const max = typeof length["max"] === "number" ? length["max"] : undefined;
    if (typeof value === "string" && (shape === undefined ? ctx.shape(memberTarget(ctx, owner))?.type !== "blob" : shape.type !== "blob")) {
      const n = codePointCount(value);
      if (min !== undefined && n < min) out.push({ kind: "constraint", message: `String value provided for \`${owner}\` must be >= ${min} characters, but the provided value is only ${n} characters.`, path });
      if (max !== undefined && n > max) out.push({ kind: "constraint", message: `String value provided for \`${owner}\` must be <= ${max} characters, but the provided value is ${n} characters.`, path });
    } else if (Array.isArray(value)) {
      if (min !== undefined && value.length < min) out.push({ kind: "constraint", message: `Value provided for \`${owner}\` must have at least ${min} elements, but the provided value only has ${value.length} elements`, path });
      if (max !== undefined && value.length > max) out.push({ kind: "constraint", message: `Value provided for \`${owner}\` must have no more than ${max} elements, but the provided value has ${value.length} elements`, path });
    } else if (isObjectNode(value)) {
      const n = Object.keys(value).length;
      if (min !== undefined && n < min) out.push({ kind: "constraint", message: `Value provided for \`${owner}\` must have at least ${min} entries, but the provided value only has ${n} entries`, path });
      if (max !== undefined && n > max) out.push({ kind: "constraint", message: `Value provided for \`${owner}\` must have no more than ${max} entries, but the provided value has ${n} entries`, path });
    }
  }
  const pattern = traits["smithy.api#pattern"];
  if (typeof pattern === "string" && typeof value === "string") {
    const regex = ctx.pattern(pattern);
    if (regex !== undefined && !regex.test(value)) out.push({ kind: "constraint", message: `String value provided for \`${owner}\` must match regular expression: ${pattern}`, path });
  }
  const range = traits["smithy.api#range"];
  if (isObjectNode(range) && (typeof value === "number" || value instanceof BigNumberNode)) {
    const text = numberTextOf(value);
    const zero = compareDecimals(text, "0") === 0;
    const bound = (b: NodeValue | undefined) => (typeof b === "number" || b instanceof BigNumberNode ? numberTextOf(b) : undefined);
    const min = bound(range["min"]);
    const max = bound(range["max"]);
    if (min !== undefined && compareDecimals(text, min) === -1) out.push({ kind: "constraint", message: `Value provided for \`${owner}\` must be greater than or equal to ${min}, but found ${text}`, path, range: { onMember, zero } });
    if (max !== undefined && compareDecimals(text, max) === 1) out.push({ kind: "constraint", message: `Value provided for \`${owner}\` must be less than or equal to ${max}, but found ${text}`, path, range: { onMember, zero } });
  }
  const ref = traits["smithy.api#idRef"];
  if (isObjectNode(ref) && typeof value === "string") idRef(ctx, value, ref, path, out);
  const enumTrait = traits["smithy.api#enum"];
  if (Array.isArray(enumTrait) && typeof value === "string") {
    const values = enumTrait.flatMap((e) => (isObjectNode(e) && typeof e["value"] === "string" ? [e["value"]] : []));
    if (!values.includes(value)) out.push({ message: `String value provided for \`${owner}\` must be one of the following values: ${oneOf(values)}`, path, kind: "enum" });
  }
  if (shape?.type === "enum" && typeof value === "string") {
    const values = Object.entries(shape.members ?? {}).map(([name, m]) => m.traits?.["smithy.api#enumValue"] ?? name);
    if (values.every((v) => typeof v === "string") && !values.includes(value)) out.push({ message: `String value provided for \`${owner}\` must be one of the following values: ${oneOf(values as string[])}`, path, kind: "enum" });
  }
  if (shape?.type === "intEnum" && (typeof value === "number" || value instanceof BigNumberNode)) {
    const values = Object.values(shape.members ?? {}).map((m) => m.traits?.["smithy.api#enumValue"]);
    const text = numberTextOf(value);
    if (values.every((v) => typeof v === "number") && !values.some((v) => compareDecimals(numberText(v as number), text) === 0)) {
      out.push({ message: `Integer value provided for \`${owner}\` must be one of the following values: ${oneOf((values as number[]).map(numberText))}`, path, kind: "enum" });
    }
  }
}

const IDENTIFIER = "_*[A-Za-z][A-Za-z0-9_]*";
const SHAPE_ID = new RegExp(`^${IDENTIFIER}(\\.${IDENTIFIER})*#${IDENTIFIER}(\\$${IDENTIFIER})?$`);

/** An @idRef string: a shape id, of a shape that exists (`failWhenMissing`) and matches the selector. */
function idRef(ctx: ValidationContext, value: string, rule: Readonly<Record<string, NodeValue>>, path: string, out: NodeProblem[]): void {
  if (!SHAPE_ID.test(value)) return void out.push({ kind: "shapeId", message: `Invalid shape ID: ${value}`, path });
  const custom = typeof rule["errorMessage"] === "string" ? rule["errorMessage"] : undefined;
  if (value.includes("$")) return; // a member: not judged here
  const shape = ctx.shape(value);
  if (shape === undefined) {
    if (rule["failWhenMissing"] === true) out.push({ kind: "constraint", message: custom ?? `Shape ID \`${value}\` was not found in the model`, path });
    return;
  }
  const selector = typeof rule["selector"] === "string" ? rule["selector"] : "*";
  if (idSelectorAllows(selector, shape) === false) out.push({ kind: "constraint", message: custom ?? `Shape ID \`${value}\` does not match selector \`${selector}\``, path });
}

/**
 * Whether a shape (not a member) matches an @idRef selector: `*`, a type (`string`, `number`,
 * `:test(a, b)`), `[trait|t]` or `type[trait|t]`; undefined for any other selector (not judged).
 */
export function idSelectorAllows(selector: string, shape: AstShape): boolean | undefined {
  const s = selector.trim();
  const attribute = /^([A-Za-z]*)\[trait\|([\w.#]+)\]$/.exec(s);
  if (attribute !== null) {
    const trait = attribute[2]!.includes("#") ? attribute[2]! : `smithy.api#${attribute[2]!}`;
    const type = attribute[1] === "" ? true : typeSelectorAllows(attribute[1]!, shape.type);
    if (type === undefined) return undefined;
    return type && shape.traits?.[trait] !== undefined;
  }
  return typeSelectorAllows(s, shape.type);
}

/** A shape type selector (`*`, `string`, `number`, …) or `:test(a, b, …)` of them; undefined for any other selector. */
function typeSelectorAllows(selector: string, type: string): boolean | undefined {
  if (selector === "*") return true;
  if (/^[A-Za-z]+$/.test(selector)) return typeMatches(selector, type);
  const test = /^:test\(\s*([A-Za-z]+(?:\s*,\s*[A-Za-z]+)*)\s*\)$/.exec(selector);
  return test === null ? undefined : test[1]!.split(",").some((t) => typeMatches(t.trim(), type));
}

function oneOf(values: readonly string[]): string {
  return [...values].sort().map((v) => `\`${v}\``).join(", ");
}

/** The target of a member id (`ns#S$m`), or "" when it is not one. */
function memberTarget(ctx: ValidationContext, memberId: string): string {
  const dollar = memberId.indexOf("$");
  if (dollar < 0) return "";
  const owner = ctx.shape(memberId.slice(0, dollar));
  const name = memberId.slice(dollar + 1);
  if (owner === undefined) return "";
  const ref = name === "member" || name === "key" || name === "value" ? (owner[name] ?? owner.members?.[name]) : owner.members?.[name];
  return ref?.target ?? "";
}

/** A string's length in code points (as @length counts), without building an array of them. */
function codePointCount(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
