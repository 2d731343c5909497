// Deterministic names for the shapes of an OpenAPI document, derived from where a schema stands.
//
//   /components/schemas/Pet                                      → "Pet" (as written)
//   /components/schemas/Pet/properties/tags/items                → "PetTagsItem"
//   /paths/~1pets/post/requestBody/content/application~1json/schema  → "CreatePetRequestBody"
//       (when that operation's name is `createPet`)
//
// Component schemas keep their names exactly; the naming phase makes identifiers of them later.
// `NameRegistry` keeps shape names unique: a taken name gets `2`, `3`, ... appended.

import * as posix from "../posix-path.js";
import { escapeSegment, isObject, pointerSegments, valueAt } from "./pointer.js";

/** `x-y` → `XY`, `created_at` → `CreatedAt`, `/pets/{petId}` → `PetsPetId`. */
export function pascal(text: string): string {
  // Most texts are one word of letters and digits already (the names of parents, asked again for each child).
  if (/^[A-Za-z0-9]+$/.test(text)) return text.charAt(0).toUpperCase() + text.slice(1);
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

export class NameRegistry {
  readonly #taken = new Set<string>();

  /** Claims `wanted`, or the first free `wanted2`, `wanted3`, ... */
  claim(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.#taken.has(name); i++) name = `${wanted}${i}`;
    this.#taken.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.#taken.has(name);
  }
}

const COMPONENT_SUFFIX: Readonly<Record<string, string>> = {
  parameters: "Param",
  requestBodies: "RequestBody",
  responses: "Response",
  headers: "Header",
};

/** Names locations inside the documents; operations are named by the caller up front. */
export class LocationNamer {
  /** file → pointer (as `childPointer` writes it) → the derived name. */
  readonly #cache = new Map<string, Map<string, string>>();
  /** file → pointer of an operation object → the operation's name. */
  readonly #operations = new Map<string, Map<string, string>>();

  constructor(
    /** Where each operation object is, and its name. */
    operations: readonly { readonly file: string; readonly pointer: string; readonly name: string }[],
    private readonly rootOf: (file: string) => unknown,
  ) {
    for (const op of operations) {
      let pointers = this.#operations.get(op.file);
      if (pointers === undefined) this.#operations.set(op.file, (pointers = new Map()));
      pointers.set(op.pointer, op.name);
    }
  }

  name(file: string, pointer: string): string {
    // The pointer as `childPointer` writes it: the same text unless an escape is not `~0` or
    // `~1` (`~2` is written `~02`). The pointer of a parent is a prefix of it.
    const written = /~(?![01])/.test(pointer) || (pointer !== "" && !pointer.startsWith("/")) ? pointerSegments(pointer).reduce((out, segment) => out + "/" + escapeSegment(segment), "") : pointer;
    let cache = this.#cache.get(file);
    if (cache === undefined) this.#cache.set(file, (cache = new Map()));
    return this.#named(file, cache, this.#operations.get(file), written) || "Schema";
  }

  /**
   * The derived name of the location at `key` (a written pointer), cached per location: parents
   * are asked for again and again, so a name usually costs a lookup of its own pointer, one split
   * of it, and a lookup of its parent's.
   */
  #named(file: string, cache: Map<string, string>, operations: ReadonlyMap<string, string> | undefined, key: string): string {
    let name = cache.get(key);
    if (name === undefined) {
      name = this.#derive(file, cache, operations, pointerSegments(key), key);
      cache.set(key, name);
    }
    return name;
  }

  /** The name of the location `drop` segments above `key`, in pascal case. */
  #parent(file: string, cache: Map<string, string>, operations: ReadonlyMap<string, string> | undefined, key: string, drop: number): string {
    let end = key.length;
    for (let i = 0; i < drop; i++) end = key.lastIndexOf("/", end - 1);
    return pascal(this.#named(file, cache, operations, key.slice(0, end)));
  }

  #derive(file: string, cache: Map<string, string>, operations: ReadonlyMap<string, string> | undefined, segments: string[], joined: string): string {
    const n = segments.length;
    const operation = operations?.get(joined);
    if (operation !== undefined) return pascal(operation);
    if (n === 0) return pascal(posix.basename(file).replace(/\.[^.]*$/, "")) || "Document";
    const last = segments[n - 1]!;
    const before = n >= 2 ? segments[n - 2] : undefined;
    if (n === 3 && segments[0] === "components") {
      return segments[1] === "schemas" ? last : pascal(last) + (COMPONENT_SUFFIX[segments[1]!] ?? "");
    }
    if (before === "$defs" || before === "definitions") return last;
    // A top-level entry of a shared file (`common.yaml#/Error`) is named by its key.
    if (n === 1 && last !== "paths" && last !== "components" && last !== "webhooks") return last;
    if (n === 2 && segments[0] === "paths") return pascal(last);
    if (n === 3 && segments[0] === "paths") return pascal(last) + pascal(segments[1]!);
    if (n === 2 && segments[0] === "webhooks") return pascal(last) + "Webhook";
    switch (before) {
      case "properties":
        return this.#parent(file, cache, operations, joined, 2) + pascal(last);
      case "oneOf":
      case "anyOf":
        return this.#parent(file, cache, operations, joined, 2) + "Option" + (Number(last) + 1);
      case "allOf":
        // The parts of an allOf are merged into their parent: their properties are the parent's.
        return this.#parent(file, cache, operations, joined, 2);
      case "prefixItems":
        return this.#parent(file, cache, operations, joined, 2) + "Item" + (Number(last) + 1);
      case "content":
        return this.#parent(file, cache, operations, joined, 2);
      case "responses":
        return this.#parent(file, cache, operations, joined, 2) + (/^2/.test(last) ? "Response" : "Response" + pascal(last));
      case "headers":
        return this.#parent(file, cache, operations, joined, 2) + pascal(last) + "Header";
      case "parameters": {
        const parameter = valueAt(this.rootOf(file), joined);
        const name = isObject(parameter) && typeof parameter["name"] === "string" ? parameter["name"] : last;
        return this.#parent(file, cache, operations, joined, 2) + pascal(name);
      }
      default:
        break;
    }
    switch (last) {
      case "items":
        return this.#parent(file, cache, operations, joined, 1) + "Item";
      case "additionalProperties":
        return this.#parent(file, cache, operations, joined, 1) + "Value";
      case "schema":
        return this.#parent(file, cache, operations, joined, 1);
      case "requestBody":
        return this.#parent(file, cache, operations, joined, 1) + "RequestBody";
      case "not":
        return this.#parent(file, cache, operations, joined, 1) + "Not";
      default:
        return this.#parent(file, cache, operations, joined, 1) + pascal(last);
    }
  }
}
