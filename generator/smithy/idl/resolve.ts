// Turns parsed IDL files into Smithy JSON ASTs: relative shape ids resolved (a `use`d name, else a
// shape of the file's namespace in any loaded file, else the prelude), annotation traits
// coerced, elided member targets filled from the bound resource or left to the mixin, and
// `apply` statements to shapes of the same file folded in.
//
//   namespace a  /  structure S { n: String }   →   "a#S": { type: "structure",
//                                                    members: { n: { target: "smithy.api#String" } } }
//
// Each file also gets a position map (`resolveFilesWithPositions`): the JSON path of every shape,
// member, target, trait, mixin and metadata key in its AST → where it was written in the `.smithy`
// file, so checks that run on the AST later (assemble, references) report a line and column, not
// a JSON pointer:  ["shapes", "a#S", "members", "n", "target"] → { line: 2, column: 18 }

import type { Diagnostics } from "../../diagnostics.js";
import type { Locate, Position } from "../../source-position.js";
import { BigNumberNode, type AstApply, type AstMemberRef, type AstModel, type AstShape, type NodeValue } from "../ast.js";
import { mergeTraitValue, nodeEquals } from "./merge-traits.js";
import { type PNode, resolveNode, ShapeRef, setKey } from "./nodes.js";
import type { ParsedFile, ParsedMember, ParsedShape, ParsedTrait } from "./parser.js";
import { nearestId } from "../../suggest.js";
import { quoteValue } from "../../limits.js";

/** Shapes defined outside the IDL files being resolved: the prelude and JSON AST files. */
export type ExternalShapes = ReadonlyMap<string, AstShape>;

const PRELUDE_NS = "smithy.api";

const SERVICE_KEYS = new Set(["version", "operations", "resources", "errors", "rename"]);
const RESOURCE_KEYS = new Set([
  "identifiers",
  "properties",
  "create",
  "put",
  "read",
  "update",
  "delete",
  "list",
  "operations",
  "collectionOperations",
  "resources",
]);
const RESOURCE_SINGLE = ["create", "put", "read", "update", "delete", "list"] as const;

interface Pending {
  shape: ParsedShape;
  /** The resource of `for`, if any. */
  resourceId: string | undefined;
  member: ParsedMember;
  file: ParsedFile;
  ast: AstModel;
  ctx: FileContext;
}

/** Shapes by id: a map, or a view over several. */
interface ShapeLookup {
  get(id: string): AstShape | undefined;
}

/** A resolved file: its AST, and where each JSON path of the AST was written (see the head comment). */
export interface ResolvedFile {
  readonly ast: AstModel;
  readonly locate: Locate;
}

/** Resolves every parsed file against each other and `external`; one AST per file, in order. */
export function resolveFiles(files: readonly ParsedFile[], external: ExternalShapes, diags: Diagnostics): AstModel[] {
  return resolveFilesWithPositions(files, external, diags).map((f) => f.ast);
}

/** `resolveFiles`, with each file's position map. */
export function resolveFilesWithPositions(files: readonly ParsedFile[], external: ExternalShapes, diags: Diagnostics): ResolvedFile[] {
  const defined = new Map<string, ParsedShape>();
  for (const f of files) for (const s of f.shapes) if (!defined.has(s.id)) defined.set(s.id, s);
  const isKnown = (id: string): boolean => defined.has(id) || external.has(id);
  const typeOf = (id: string): string | undefined => defined.get(id)?.type ?? external.get(id)?.type;

  const results: AstModel[] = [];
  const contexts: FileContext[] = [];
  const relativeIds: RelativeIds = new Map();
  const pending: Pending[] = [];
  const enums: { ctx: FileContext; shape: ParsedShape; out: AstShape }[] = [];
  for (const file of files) {
    const ctx = new FileContext(file, isKnown, typeOf, diags, () => [...defined.keys(), ...external.keys()], relativeIds);
    contexts.push(ctx);
    const ast: AstModel = { smithy: file.version };
    const shapes: Record<string, AstShape | { type: "apply"; traits: Record<string, NodeValue> }> = {};
    if (file.metadata.length > 0) {
      const metadata: Record<string, NodeValue> = {};
      for (const m of file.metadata) {
        if (Object.prototype.hasOwnProperty.call(metadata, m.key)) {
          diags.error("SMITHY_METADATA_CONFLICT", `Metadata key \`${m.key}\` is defined more than once`, {
            file: file.file,
            line: m.line,
            column: m.column,
          });
          continue;
        }
        setKey(metadata, m.key, ctx.node(m.value));
        ctx.mark(["metadata", m.key], m);
      }
      ast.metadata = metadata;
    }
    for (const shape of file.shapes) {
      // Only a shape that is not the first of its id (in any file) can have a previous one here
      // (no property lookup by an id not yet interned, for all the others).
      const previous = defined.get(shape.id) === shape ? undefined : shapes[shape.id];
      const built = ctx.shape(
        shape,
        (member, resourceId) => pending.push({ shape, member, resourceId, file, ast, ctx }),
        (out) => enums.push({ ctx, shape, out }),
      );
      if (previous !== undefined) {
        // The same definition twice is harmless; two different ones are an error.
        if (!nodeEquals(previous as unknown as NodeValue, built as unknown as NodeValue)) {
          diags.error("SMITHY_DUPLICATE_SHAPE", `Conflicting shape definition for \`${shape.id}\``, {
            file: file.file,
            line: shape.line,
            column: shape.column,
            hint: "Keep one definition of the shape, or rename one of them.",
          });
        }
        continue;
      }
      shapes[shape.id] = built;
    }
    ast.shapes = shapes;
    for (const apply of file.applies) ctx.apply(apply.target, apply.traits, shapes);
    for (const w of file.warnings) diags.warning(w.code, w.message, { file: file.file, line: w.line, column: w.column });
    results.push(ast);
  }

  // Elided targets need the other shapes resolved: mixins first, then the bound resource. The
  // files' shapes (the last file's wins), then the external ones (not copied).
  if (pending.length > 0 || enums.length > 0) {
    const own = new Map<string, AstShape>();
    for (const ast of results) {
      const shapes = ast.shapes ?? {};
      for (const id in shapes) {
        const s = shapes[id] as AstShape | AstApply;
        if (Object.prototype.hasOwnProperty.call(shapes, id) && s.type !== "apply") own.set(id, s as AstShape);
      }
    }
    const resolved: ShapeLookup = { get: (id) => own.get(id) ?? external.get(id) };
    for (const p of pending) fillElided(p, resolved, diags, p.ctx);
    for (const e of enums) e.ctx.checkEnum(e.shape, e.out, resolved);
  }
  return results.map((ast, i) => ({ ast, locate: (contexts[i] as FileContext).positions.locate }));
}

/** Namespace → shape id as written (not `use`d) → its resolved id, shared by the files of a namespace. */
type RelativeIds = Map<string, Map<string, { id: string; found: boolean }>>;

/** The key of a JSON path in a position map. */
function pathKey(path: readonly (string | number)[]): string {
  return path.join("\u0000");
}

/** Slots of one mark in a PositionMap's list: six path steps, the line and the column. */
const MARK_STRIDE = 8;

/**
 * Where the JSON paths of one file's AST were written. Holds numbers and path steps only, no
 * parsed object: once the files are resolved, what the parser made of them is garbage (the
 * AST's `locate` keeps this map alive, not the parse).
 */
class PositionMap {
  readonly #positions = new Map<string, Position>();
  /**
   * Marks not yet in #positions, MARK_STRIDE slots each: up to six path steps (the rest
   * undefined), the line and the column. Folded in (the first mark of a path wins) on the first
   * `locate`: most loads never ask, so no key is built or hashed and no Position made.
   */
  #marks: (string | number | undefined)[] = [];

  mark(line: number, column: number, s0: string | number, s1?: string | number, s2?: string | number, s3?: string | number, s4?: string | number, s5?: string | number): void {
    this.#marks.push(s0, s1, s2, s3, s4, s5, line, column);
  }

  #fold(): void {
    const marks = this.#marks;
    this.#marks = [];
    for (let i = 0; i < marks.length; i += MARK_STRIDE) {
      const steps: (string | number)[] = [];
      for (let j = 0; j < MARK_STRIDE - 2 && marks[i + j] !== undefined; j++) steps.push(marks[i + j] as string | number);
      const key = pathKey(steps);
      if (!this.#positions.has(key)) this.#positions.set(key, { line: marks[i + MARK_STRIDE - 2] as number, column: marks[i + MARK_STRIDE - 1] as number });
    }
  }

  /** The position of a JSON path, or of its nearest ancestor that has one. */
  readonly locate: Locate = (path) => {
    if (this.#marks.length > 0) this.#fold();
    for (let n = path.length; n > 0; n--) {
      const found = this.#positions.get(pathKey(path.slice(0, n)));
      if (found) return found;
    }
    return undefined;
  };
}

/**
 * The JSON path of something that holds traits, after "shapes": [id] (a shape), [id, name] (a
 * list or map member), [id, "members", name] (a member), [memberId] (an `apply` entry).
 */
type HolderPath = readonly [string, string?, string?];

function memberOf(shape: AstShape, name: string): AstMemberRef | undefined {
  if (shape.members && Object.prototype.hasOwnProperty.call(shape.members, name)) return shape.members[name];
  if (name === "member") return shape.member;
  if (name === "key") return shape.key;
  if (name === "value") return shape.value;
  return undefined;
}

/** The member `name` that a mixin of `shape` (transitively) has, with the mixin's id. */
function inheritedMember(
  shape: AstShape,
  name: string,
  shapes: ShapeLookup,
  seen = new Set<string>(),
): { owner: string; ref: AstMemberRef } | undefined {
  for (const mixin of shape.mixins ?? []) {
    if (seen.has(mixin.target)) continue;
    seen.add(mixin.target);
    const m = shapes.get(mixin.target);
    if (!m) continue;
    const ref = memberOf(m, name);
    if (ref !== undefined) return { owner: mixin.target, ref };
    const deeper = inheritedMember(m, name, shapes, seen);
    if (deeper) return deeper;
  }
  return undefined;
}

function inheritsMember(shape: AstShape, name: string, shapes: ShapeLookup): boolean {
  return inheritedMember(shape, name, shapes) !== undefined;
}

function fillElided(p: Pending, shapes: ShapeLookup, diags: Diagnostics, ctx: FileContext): void {
  const { shape, member, file, ast, resourceId } = p;
  const astShape = ast.shapes?.[shape.id] as AstShape;
  const memberId = `${shape.id}$${member.name}`;
  const local = takeMember(astShape, member.name);
  const resource = resourceId === undefined ? undefined : shapes.get(resourceId);
  const fromResource = resource?.identifiers?.[member.name]?.target ?? resource?.properties?.[member.name]?.target;
  const inherited = inheritedMember(astShape, member.name, shapes);
  if (inherited) {
    if (fromResource !== undefined && inherited.ref.target !== "" && fromResource !== inherited.ref.target) {
      diags.error(
        "SMITHY_MIXIN_MEMBER_CONFLICT",
        `Member \`${memberId}\` conflicts with an inherited mixin member: \`${inherited.owner}$${member.name}\` (the resource says \`${fromResource}\`, the mixin \`${inherited.ref.target}\`)`,
        { file: file.file, line: member.line, column: member.column, hint: "Give the member an explicit target, or make the resource and the mixin agree." },
      );
      return;
    }
    // Inherited from a mixin: only its traits are local, as an `apply` to the inherited member.
    if (local?.traits && Object.keys(local.traits).length > 0) {
      (ast.shapes as Record<string, unknown>)[memberId] = { type: "apply", traits: local.traits };
      ctx.markAt(member, "shapes", memberId);
      for (const t of member.traits) ctx.markAt(t.name, "shapes", memberId, "traits", ctx.lookup(t.name.text).id);
    }
    return;
  }
  const target = fromResource;
  if (target === undefined) {
    diags.error(
      "SMITHY_ELIDED_TARGET",
      `Member target of \`${memberId}\` was elided, but no bound resource or mixin contained a matching identifier or member name.`,
      {
        file: file.file,
        line: member.line,
        column: member.column,
        hint: "Write the target (`name: Target`), or bind the structure to a resource with `for` / add a mixin that has this member.",
      },
    );
    return;
  }
  putMember(astShape, member.name, { target, ...(local?.traits ? { traits: local.traits } : {}) });
}

function takeMember(shape: AstShape, name: string): AstMemberRef | undefined {
  const m = memberOf(shape, name);
  if (shape.members && Object.prototype.hasOwnProperty.call(shape.members, name)) delete shape.members[name];
  else if (name === "member" && shape.member === m) delete shape.member;
  else if (name === "key" && shape.key === m) delete shape.key;
  else if (name === "value" && shape.value === m) delete shape.value;
  return m;
}

function putMember(shape: AstShape, name: string, ref: AstMemberRef): void {
  if (shape.type === "list" || shape.type === "set") {
    if (name === "member") {
      shape.member = ref;
      return;
    }
  } else if (shape.type === "map") {
    if (name === "key" || name === "value") {
      shape[name] = ref;
      return;
    }
  }
  shape.members ??= {};
  setKey(shape.members, name, ref);
}

class FileContext {
  readonly ns: string;
  readonly positions = new PositionMap();
  /** Shape id as written → resolved id (lookups repeat: trait names, common targets). */
  readonly #lookups = new Map<string, { id: string; found: boolean }>();
  /** This file's namespace's share of `relative`. */
  readonly #relative: Map<string, { id: string; found: boolean }>;
  constructor(
    readonly file: ParsedFile,
    readonly isKnown: (id: string) => boolean,
    readonly typeOf: (id: string) => string | undefined,
    readonly diags: Diagnostics,
    readonly allIds: () => string[],
    relative: RelativeIds,
  ) {
    this.ns = file.namespace ?? PRELUDE_NS;
    let own = relative.get(this.ns);
    if (own === undefined) relative.set(this.ns, (own = new Map()));
    this.#relative = own;
  }

  /** Records where the JSON path `path` (at most six steps) was written (the first record wins). */
  mark(path: readonly (string | number)[], at: { readonly line: number; readonly column: number }): void {
    this.markAt(at, path[0] as string | number, path[1], path[2], path[3], path[4], path[5]);
  }

  /** `mark` with the steps as arguments (no array): the resolver marks every shape, member, target and trait. */
  markAt(
    at: { readonly line: number; readonly column: number },
    s0: string | number,
    s1?: string | number,
    s2?: string | number,
    s3?: string | number,
    s4?: string | number,
    s5?: string | number,
  ): void {
    if (at.line > 0) this.positions.mark(at.line, at.column, s0, s1, s2, s3, s4, s5);
  }

  /** Marks `at` for the holder path `h` (see HolderPath) and up to three more steps. */
  markUnder(at: { readonly line: number; readonly column: number }, h: HolderPath, a?: string | number, b?: string | number, c?: string | number): void {
    const [h1, h2, h3] = h;
    if (h2 === undefined) this.markAt(at, "shapes", h1, a, b, c);
    else if (h3 === undefined) this.markAt(at, "shapes", h1, h2, a, b, c);
    else this.markAt(at, "shapes", h1, h2, h3, a, b);
  }

  /** Resolves a shape id as written; `undefined` when it names no known shape. */
  lookup(text: string): { id: string; found: boolean } {
    let found = this.#lookups.get(text);
    if (found === undefined) {
      found = this.#lookup(text);
      this.#lookups.set(text, found);
    }
    return found;
  }

  #lookup(text: string): { id: string; found: boolean } {
    if (text.includes("#")) {
      const root = text.split("$")[0] as string;
      return { id: text, found: this.isKnown(root) };
    }
    const dollar = text.indexOf("$");
    const name = dollar < 0 ? text : text.slice(0, dollar);
    const suffix = dollar < 0 ? "" : text.slice(dollar);
    const used = this.file.uses.get(name);
    if (used) return { id: used.text + suffix, found: this.isKnown(used.text) };
    // Not `use`d: the answer is the same for every file of this namespace.
    let found = this.#relative.get(text);
    if (found === undefined) this.#relative.set(text, (found = this.#relativeLookup(name, suffix)));
    return found;
  }

  #relativeLookup(name: string, suffix: string): { id: string; found: boolean } {
    const local = `${this.ns}#${name}`;
    if (this.isKnown(local)) return { id: local + suffix, found: true };
    const prelude = `${PRELUDE_NS}#${name}`;
    if (this.isKnown(prelude)) return { id: prelude + suffix, found: true };
    return { id: local + suffix, found: false };
  }

  /** A reference to a shape that must exist (targets, mixins, bindings, trait names). */
  ref(ref: ShapeRef, what: string | (() => string)): string {
    const { id, found } = this.lookup(ref.text);
    if (!found) {
      if (typeof what === "function") what = what();
      const near = nearestId(id, this.allIds());
      this.diags.error("SMITHY_UNKNOWN_SHAPE", `${what} \`${ref.text}\` resolves to \`${id}\`, which is not defined`, {
        file: this.file.file,
        line: ref.line,
        column: ref.column,
        hint: near ? `Did you mean \`${near}\`?` : "Define the shape, add a `use` statement, or load the file that defines it.",
      });
    }
    return id;
  }

  /** Node values: unquoted shape ids resolve; one that names nothing is flagged (Smithy's DANGER). */
  node(value: PNode): NodeValue {
    return resolveNode(
      value,
      (ref) => {
        const { id, found } = this.lookup(ref.text);
        if (!found) {
          this.diags.warning(
            SYNTACTIC_SHAPE_ID,
            `Syntactic shape ID \`${ref.text}\` does not resolve to a valid shape ID: \`${id}\`. Did you mean to quote this string? Are you missing a model file?`,
            { file: this.file.file, line: ref.line, column: ref.column, hint: `Quote it: "${ref.text}".` },
          );
        }
        return id;
      },
      this.file.nodesWithShapeIds,
    );
  }

  /** The traits of a shape or member; `at` is the JSON path of their holder, for positions. */
  traits(traits: readonly ParsedTrait[], ownerId: string, at?: HolderPath, member?: string): Record<string, NodeValue> | undefined {
    if (traits.length === 0) return undefined;
    const out: Record<string, NodeValue> = {};
    for (const t of traits) {
      const id = this.ref(t.name, "Trait");
      if (at !== undefined) this.markUnder(t.name, at, "traits", id);
      const type = this.typeOf(id);
      let value: NodeValue;
      if (t.annotation) value = type === "list" || type === "set" ? [] : type === undefined || type === "structure" || type === "map" ? {} : null;
      else value = t.plain === true ? (t.value as NodeValue) : this.node(t.value);
      if (Object.prototype.hasOwnProperty.call(out, id)) {
        const merged = mergeTraitValue(out[id] as NodeValue, value, type);
        if (merged === undefined) {
          this.diags.error("SMITHY_TRAIT_CONFLICT", `Conflicting \`${id}\` trait found on shape \`${member === undefined ? ownerId : `${ownerId}$${member}`}\``, {
            file: this.file.file,
            line: t.name.line,
            column: t.name.column,
            hint: "Apply the trait once, or give both applications the same value.",
          });
          continue;
        }
        value = merged;
      }
      setKey(out, id, value);
    }
    return out;
  }

  /** A member; `at` is its JSON path after "shapes" (`[id, "members", name]`, or `[id, "member"]` of a list). */
  member(m: ParsedMember, ownerId: string, at: HolderPath): AstMemberRef {
    this.markUnder(m, at);
    if (m.target) this.markUnder(m.target, at, "target");
    const target = m.target ? this.ref(m.target, () => `Target of member \`${ownerId}$${m.name}\``) : "";
    const traits = this.traits(m.traits, ownerId, at, m.name);
    return traits ? { target, traits } : { target };
  }

  shape(
    s: ParsedShape,
    onElided: (m: ParsedMember, resourceId: string | undefined) => void,
    onEnum: (out: AstShape) => void,
  ): AstShape {
    const out: AstShape = { type: s.type };
    const at: HolderPath = [s.id];
    this.markAt(s, "shapes", s.id);
    s.mixins.forEach((r, i) => {
      this.markAt(r, "shapes", s.id, "mixins");
      this.markAt(r, "shapes", s.id, "mixins", i);
    });
    if (s.mixins.length > 0) out.mixins = s.mixins.map((r) => ({ target: this.ref(r, `Mixin of \`${s.id}\``) }));
    let rid: string | undefined;
    if (s.forResource) {
      rid = this.ref(s.forResource, `Resource of \`${s.id}\``);
      const type = this.typeOf(rid);
      if (type !== undefined && type !== "resource") {
        this.diags.error(
          "SMITHY_FOR_NOT_RESOURCE",
          `The target of the \`for\` production must be a resource shape, but found a ${type} shape: ${rid}`,
          { file: this.file.file, line: s.forResource.line, column: s.forResource.column },
        );
      }
    }
    if (s.members) {
      if (s.type === "list" || s.type === "set" || s.type === "map") {
        const named = new Map<string, AstMemberRef>();
        for (const m of s.members) {
          named.set(m.name, this.member(m, s.id, [s.id, m.name]));
          if (!m.target) onElided(m, rid);
        }
        for (const [name, ref] of named) putMember(out, name, ref);
      } else {
        const members: Record<string, AstMemberRef> = {};
        for (const m of s.members) {
          setKey(members, m.name, this.member(m, s.id, [s.id, "members", m.name]));
          if (!m.target) onElided(m, rid);
        }
        out.members = members;
        if (s.type === "enum" || s.type === "intEnum") onEnum(out);
      }
    }
    if (s.body) this.body(s, out);
    if (s.type === "operation") {
      for (const key of ["input", "output"] as const) {
        const ref = s[key];
        if (ref instanceof ShapeRef) this.markAt(ref, "shapes", s.id, key);
      }
      s.errors?.forEach((e, i) => this.markAt(e, "shapes", s.id, "errors", i));
      if (s.input !== undefined) out.input = { target: typeof s.input === "string" ? s.input : this.ref(s.input, `Input of \`${s.id}\``) };
      if (s.output !== undefined) out.output = { target: typeof s.output === "string" ? s.output : this.ref(s.output, `Output of \`${s.id}\``) };
      if (s.errors) out.errors = s.errors.map((e) => ({ target: this.ref(e, `Error of \`${s.id}\``) }));
    }
    const traits = this.traits(s.traits, s.id, at);
    if (traits) out.traits = traits;
    return out;
  }

  /** Enum values: implicit string values, and checks of the explicit ones (members from mixins are checked once flattened). */
  checkEnum(s: ParsedShape, out: AstShape, shapes: ShapeLookup): void {
    const at = { file: this.file.file, line: s.line, column: s.column };
    const members = out.members ?? {};
    if (Object.keys(members).length === 0 && (out.mixins ?? []).length === 0) {
      this.diags.error("SMITHY_ENUM_EMPTY", `${s.type} shapes must have at least one member: \`${s.id}\``, at);
    }
    for (const m of s.members ?? []) {
      const ref = members[m.name] as AstMemberRef;
      const where = { file: this.file.file, line: m.line, column: m.column };
      const value = ref.traits?.["smithy.api#enumValue"];
      if (value === undefined && inheritsMember(out, m.name, shapes)) continue;
      if (s.type === "enum") {
        if (value === undefined) {
          ref.traits = { ...ref.traits, "smithy.api#enumValue": m.name };
        } else if (typeof value !== "string") {
          this.diags.error("SMITHY_ENUM_VALUE", `\`${s.id}$${m.name}\`: enum members can only be assigned string values, but found: ${quoteValue(value)}`, where);
        } else if (value === "") {
          this.diags.error("SMITHY_ENUM_VALUE", `\`${s.id}$${m.name}\`: enum values must not be empty`, where);
        }
      } else if (value instanceof BigNumberNode && !this.isFloatLiteral(m)) {
        this.diags.error("SMITHY_ENUM_VALUE", `\`${s.id}$${m.name}\`: intEnum members must fit within an integer, but found: ${value.text}`, where);
      } else if (value instanceof BigNumberNode) {
        this.diags.error("SMITHY_ENUM_VALUE", `\`${s.id}$${m.name}\`: intEnum members do not support floating point values`, where);
      } else if (value === undefined || typeof value !== "number") {
        this.diags.error("SMITHY_ENUM_VALUE", `\`${s.id}$${m.name}\`: intEnum members require integer values, but found: ${quoteValue(value ?? null)}`, where);
      } else if (!Number.isInteger(value) || this.isFloatLiteral(m)) {
        this.diags.error("SMITHY_ENUM_VALUE", `\`${s.id}$${m.name}\`: intEnum members do not support floating point values`, where);
      } else if (value > 2147483647 || value < -2147483648) {
        this.diags.error("SMITHY_ENUM_VALUE", `\`${s.id}$${m.name}\`: intEnum members must fit within an integer, but found: ${value}`, where);
      }
    }
  }

  isFloatLiteral(m: ParsedMember): boolean {
    const t = m.traits.find((x) => x.name.text === "smithy.api#enumValue");
    return t?.floatLiteral === true;
  }

  idOf(value: PNode | undefined, what: string): string | undefined {
    if (typeof value === "string") return this.ref(new ShapeRef(value, 0, 0), what);
    if (value instanceof ShapeRef) return this.ref(value, what);
    return undefined;
  }

  body(s: ParsedShape, out: AstShape): void {
    const body = s.body ?? {};
    const at = { file: this.file.file, line: s.line, column: s.column };
    const allowed = s.type === "service" ? SERVICE_KEYS : RESOURCE_KEYS;
    for (const key of Object.keys(body)) {
      if (!allowed.has(key)) {
        this.diags.warning("SMITHY_UNKNOWN_PROPERTY", `Unknown property \`${key}\` of ${s.type} \`${s.id}\``, {
          ...at,
          hint: `Known properties: ${[...allowed].join(", ")}.`,
        });
      }
    }
    const idList = (key: string): { target: string }[] | undefined => {
      const v = body[key];
      if (v === undefined) return undefined;
      if (!Array.isArray(v)) {
        this.diags.error("SMITHY_BAD_PROPERTY", `\`${key}\` of \`${s.id}\` must be a list of shape ids`, at);
        return undefined;
      }
      const refs: { target: string }[] = [];
      v.forEach((e, i) => {
        if (e instanceof ShapeRef) this.mark(["shapes", s.id, key, i], e);
      });
      for (const e of v) {
        const id = this.idOf(e, `\`${key}\` entry of \`${s.id}\``);
        if (id === undefined) this.diags.error("SMITHY_BAD_PROPERTY", `\`${key}\` of \`${s.id}\` must contain shape ids`, at);
        else refs.push({ target: id });
      }
      return refs;
    };
    const idMap = (key: string): Record<string, { target: string }> | undefined => {
      const v = body[key];
      if (v === undefined) return undefined;
      if (v === null || typeof v !== "object" || Array.isArray(v) || v instanceof ShapeRef) {
        this.diags.error("SMITHY_BAD_PROPERTY", `\`${key}\` of \`${s.id}\` must be an object of name → shape id`, at);
        return undefined;
      }
      const refs: Record<string, { target: string }> = {};
      for (const [name, e] of Object.entries(v)) {
        if (e instanceof ShapeRef) this.mark(["shapes", s.id, key, name], e);
        const id = this.idOf(e, `\`${key}.${name}\` of \`${s.id}\``);
        if (id === undefined) this.diags.error("SMITHY_BAD_PROPERTY", `\`${key}.${name}\` of \`${s.id}\` must be a shape id`, at);
        else setKey(refs, name, { target: id });
      }
      return refs;
    };
    if (s.type === "service") {
      const version = body["version"];
      if (version !== undefined) {
        if (typeof version === "string") out.version = version;
        else this.diags.error("SMITHY_BAD_PROPERTY", `\`version\` of \`${s.id}\` must be a string`, at);
      }
      const ops = idList("operations");
      if (ops) out.operations = ops;
      const res = idList("resources");
      if (res) out.resources = res;
      const errs = idList("errors");
      if (errs) out.errors = errs;
      const rename = body["rename"];
      if (rename !== undefined) {
        if (rename === null || typeof rename !== "object" || Array.isArray(rename) || rename instanceof ShapeRef) {
          this.diags.error("SMITHY_BAD_PROPERTY", `\`rename\` of \`${s.id}\` must be an object`, at);
        } else {
          const r: Record<string, string> = {};
          for (const [from, to] of Object.entries(rename)) {
            const fromId = this.ref(new ShapeRef(from, s.line, s.column), `Renamed shape of \`${s.id}\``);
            if (typeof to !== "string") this.diags.error("SMITHY_BAD_PROPERTY", `\`rename.${from}\` of \`${s.id}\` must be a string`, at);
            else setKey(r, fromId, to);
          }
          out.rename = r;
        }
      }
    } else {
      const ids = idMap("identifiers");
      if (ids) out.identifiers = ids;
      const props = idMap("properties");
      if (props) out.properties = props;
      for (const key of RESOURCE_SINGLE) {
        const v = body[key];
        if (v === undefined) continue;
        if (v instanceof ShapeRef) this.mark(["shapes", s.id, key], v);
        const id = this.idOf(v, `\`${key}\` of \`${s.id}\``);
        if (id === undefined) this.diags.error("SMITHY_BAD_PROPERTY", `\`${key}\` of \`${s.id}\` must be a shape id`, at);
        else out[key] = { target: id };
      }
      const ops = idList("operations");
      if (ops) out.operations = ops;
      const cops = idList("collectionOperations");
      if (cops) out.collectionOperations = cops;
      const res = idList("resources");
      if (res) out.resources = res;
    }
  }

  /** `apply`: folded into a shape or member of this file, else kept as an `apply` entry. */
  apply(target: ShapeRef, traits: readonly ParsedTrait[], shapes: Record<string, AstShape | { type: "apply"; traits: Record<string, NodeValue> }>): void {
    const id = this.ref(target, "Target of `apply`");
    const dollar = id.indexOf("$");
    const rootId = dollar < 0 ? id : id.slice(0, dollar);
    const root = shapes[rootId];
    let holder: { traits?: Record<string, NodeValue> } | undefined;
    let at: HolderPath = [id];
    if (root && root.type !== "apply") {
      holder = dollar < 0 ? root : memberOf(root as AstShape, id.slice(dollar + 1));
      if (holder && dollar >= 0) {
        const name = id.slice(dollar + 1);
        const listOrMap = root.type === "list" || root.type === "set" || root.type === "map";
        at = listOrMap && (name === "member" || name === "key" || name === "value") ? [rootId, name] : [rootId, "members", name];
      }
    }
    if (!holder) at = [id];
    this.markUnder(target, at);
    const values = this.traits(traits, id, at) ?? {};
    if (!holder) {
      const existing = shapes[id];
      if (existing === undefined) {
        shapes[id] = { type: "apply", traits: {} };
      }
      holder = shapes[id] as { traits?: Record<string, NodeValue> };
    }
    const merged: Record<string, NodeValue> = { ...holder.traits };
    for (const [trait, value] of Object.entries(values)) {
      if (Object.prototype.hasOwnProperty.call(merged, trait)) {
        const m = mergeTraitValue(merged[trait] as NodeValue, value, this.typeOf(trait));
        if (m === undefined) {
          this.diags.error("SMITHY_TRAIT_CONFLICT", `Conflicting \`${trait}\` trait found on shape \`${id}\``, {
            file: this.file.file,
            line: target.line,
            column: target.column,
            hint: "Apply the trait once, or give both applications the same value.",
          });
          continue;
        }
        setKey(merged, trait, m);
      } else {
        setKey(merged, trait, value);
      }
    }
    holder.traits = merged;
  }
}

/** Diagnostic code of an unquoted node value that names no shape (Smithy reports it as DANGER). */
export const SYNTACTIC_SHAPE_ID = "SMITHY_SYNTACTIC_SHAPE_ID";
