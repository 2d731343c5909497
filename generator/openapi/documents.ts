// The set of files an OpenAPI model is read from, and `$ref` resolution across them.
//
//   root pets.yaml:   { paths: { /pets: { get: { responses: { 200: { $ref: "common.yaml#/Ok" } } } } } }
//   docs.resolve("common.yaml#/Ok", at pets.yaml#/paths/~1pets/get/responses/200)
//   → { file: "common.yaml", pointer: "/Ok", value: <what common.yaml has at /Ok> }
//
// Files come from the model input first, then from the host (relative to the referring file).
// A `$ref` that points nowhere, to a URL or to an anchor is reported with the position of the
// `$ref` itself and resolves to nothing; callers fall back to an untyped value.

import { editDistance } from "../suggest.js";
import * as posix from "../posix-path.js";
import type { Diagnostics, Severity } from "../diagnostics.js";
import type { Host, SourceFile } from "../frontends.js";
import { childPointer, isObject, valueAt } from "./pointer.js";
import { parseSource, type ParsedSource } from "./source.js";

/** A value inside one of the files, and where it is. */
export interface Located {
  readonly file: string;
  readonly pointer: string;
  readonly value: unknown;
}

/**
 * A map keyed by location (file, then pointer): the same as a `file#pointer` string key, without
 * hashing a long pointer at each lookup. A location whose value is an object is found by that
 * object (identity) and then checked to be the same location: in a parsed document an object
 * stands at one place (YAML aliases aside: a second place of the same object is kept by its
 * pointer). `suffix` tells apart entries of one location (`"&base"`).
 */
export class LocationMap<T> {
  /** Value object → its entry, for the first location it was stored at. */
  readonly #byValue = new Map<object, { readonly file: string; readonly pointer: string; entry: T }>();
  /** Every other entry: file → pointer (+ suffix) → entry. */
  readonly #files = new Map<string, Map<string, T>>();

  get(at: Located, suffix = ""): T | undefined {
    const byValue = suffix === "" ? this.#indexed(at) : undefined;
    return byValue !== undefined ? byValue.entry : this.#files.get(at.file)?.get(at.pointer + suffix);
  }

  has(at: Located, suffix = ""): boolean {
    return (suffix === "" && this.#indexed(at) !== undefined) || (this.#files.get(at.file)?.has(at.pointer + suffix) ?? false);
  }

  set(at: Located, entry: T, suffix = ""): void {
    if (suffix === "" && typeof at.value === "object" && at.value !== null) {
      const known = this.#byValue.get(at.value);
      if (known !== undefined && known.pointer === at.pointer && known.file === at.file) {
        known.entry = entry;
        return;
      }
      if (known === undefined && !(this.#files.get(at.file)?.has(at.pointer) ?? false)) {
        this.#byValue.set(at.value, { file: at.file, pointer: at.pointer, entry });
        return;
      }
    }
    let pointers = this.#files.get(at.file);
    if (pointers === undefined) this.#files.set(at.file, (pointers = new Map()));
    pointers.set(at.pointer + suffix, entry);
  }

  delete(at: Located): void {
    if (this.#indexed(at) !== undefined) this.#byValue.delete(at.value as object);
    else this.#files.get(at.file)?.delete(at.pointer);
  }

  /** The entry of `at` found by its value object, when it is stored that way. */
  #indexed(at: Located): { readonly file: string; readonly pointer: string; entry: T } | undefined {
    if (typeof at.value !== "object" || at.value === null) return undefined;
    const known = this.#byValue.get(at.value);
    return known !== undefined && known.pointer === at.pointer && known.file === at.file ? known : undefined;
  }
}

export class Documents {
  readonly #given = new Map<string, SourceFile>();
  /** path → parsed source; "missing" when no such file, null when it did not parse (reported). */
  readonly #sources = new Map<string, ParsedSource | "missing" | null>();

  constructor(
    files: readonly SourceFile[],
    private readonly host: Host,
    private readonly diags: Diagnostics,
  ) {
    for (const file of files) this.#given.set(posix.normalize(file.path), file);
  }

  /** The parsed file, reading and parsing it on first use. */
  load(path: string): ParsedSource | undefined {
    const key = posix.normalize(path);
    const known = this.#sources.get(key);
    if (known !== undefined) return known === "missing" || known === null ? undefined : known;
    let file = this.#given.get(key);
    if (!file) {
      const text = this.host.readFile(key);
      if (text !== undefined) file = { path: key, text };
    }
    if (!file) {
      this.#sources.set(key, "missing");
      return undefined;
    }
    const parsed = parseSource(file, this.diags);
    this.#sources.set(key, parsed ?? null);
    return parsed;
  }

  /** Every file read so far, in the order first read. */
  get files(): string[] {
    return [...this.#sources].filter(([, s]) => s !== null && s !== "missing").map(([path]) => path);
  }

  root(file: string): Located | undefined {
    const source = this.load(file);
    return source ? { file: source.path, pointer: "", value: source.value } : undefined;
  }

  child(at: Located, ...segments: (string | number)[]): Located {
    let value = at.value;
    for (const segment of segments) {
      value = Array.isArray(value) ? value[Number(segment)] : isObject(value) && Object.prototype.hasOwnProperty.call(value, segment) ? value[segment] : undefined;
    }
    return { file: at.file, pointer: childPointer(at.pointer, ...segments), value };
  }

  /** `file#pointer` of an object with a `$ref` → where it leads (null: broken, reported once). */
  readonly #resolved = new LocationMap<Located | null>();

  /** Resolves the `$ref` of the object at `from` (one step), reporting a broken one once. */
  resolve(from: Located): Located | undefined {
    const known = this.#resolved.get(from);
    if (known !== undefined) return known ?? undefined;
    const found = this.#resolve(from);
    this.#resolved.set(from, found ?? null);
    return found;
  }

  #resolve(from: Located): Located | undefined {
    const ref = isObject(from.value) ? from.value["$ref"] : undefined;
    const where = this.child(from, "$ref");
    if (typeof ref !== "string") {
      this.report("error", "OPENAPI_BAD_REF", "`$ref` must be a string", where);
      return undefined;
    }
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    let fragment = hash === -1 ? "" : ref.slice(hash + 1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      // Keep the fragment as written; the lookup below reports it if it points nowhere.
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
      this.report("error", "OPENAPI_REMOTE_REF", `\`$ref\` "${ref}" points to a URL; only references within the document or to relative files are supported`, where, "Download the referenced document next to this one and refer to it by a relative path.");
      return undefined;
    }
    if (fragment !== "" && !fragment.startsWith("/")) {
      this.report("error", "OPENAPI_BAD_REF", `\`$ref\` "${ref}" uses an anchor; only JSON pointer fragments (\`#/...\`) are supported`, where);
      return undefined;
    }
    let file = from.file;
    if (filePart !== "") {
      let relative = filePart;
      try {
        relative = decodeURI(filePart);
      } catch {
        // As written.
      }
      file = posix.normalize(posix.join(posix.dirname(from.file), relative));
      if (!this.load(file)) {
        if (this.#sources.get(file) === "missing") {
          this.report("error", "OPENAPI_BROKEN_REF", `\`$ref\` "${ref}" points to ${file}, which cannot be read`, where, "Check the file name and that the file exists relative to the referring document.");
        }
        return undefined;
      }
    }
    const source = this.load(file);
    if (!source) return undefined;
    const value = valueAt(source.value, fragment);
    if (value === undefined) {
      this.report("error", "OPENAPI_BROKEN_REF", `\`$ref\` "${ref}" points to nothing: ${fragment === "" ? file : `${file} has no ${fragment}`}`, where, this.#suggest(source.value, fragment));
      return undefined;
    }
    return { file: source.path, pointer: fragment, value };
  }

  /** Follows a chain of `$ref`s (parameters, responses, ...) to the object they stand for. */
  deref(at: Located): Located | undefined {
    let current = at;
    const seen = new Set<string>();
    while (isObject(current.value) && "$ref" in current.value) {
      const key = current.file + "#" + current.pointer;
      if (seen.has(key)) {
        this.report("error", "OPENAPI_CIRCULAR_REF", "`$ref` chain loops back to itself", this.child(at, "$ref"));
        return undefined;
      }
      seen.add(key);
      const next = this.resolve(current);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }

  report(severity: Severity, code: string, message: string, at: { file: string; pointer: string }, hint?: string): void {
    const position = this.load(at.file)?.locate(at.pointer);
    this.diags.add({
      code,
      severity,
      message,
      file: at.file,
      ...(position ? { line: position.line, column: position.column } : {}),
      pointer: at.pointer,
      ...(hint ? { hint } : {}),
    });
  }

  #suggest(root: unknown, fragment: string): string {
    const slash = fragment.lastIndexOf("/");
    const parent = valueAt(root, fragment.slice(0, slash));
    const wanted = fragment.slice(slash + 1).replace(/~1/g, "/").replace(/~0/g, "~");
    if (isObject(parent)) {
      const close = Object.keys(parent)
        .filter((k) => k.toLowerCase() === wanted.toLowerCase() || editDistance(k, wanted, 2) <= 2)
        .sort();
      if (close.length > 0) return `Did you mean \`${close[0]}\`?`;
    }
    return "Define the target or fix the reference.";
  }
}
