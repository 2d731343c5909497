// The files of a Swagger 2.0 model as the OpenAPI 3 front end reads them: the root file holds
// the converted 3.0 document (swagger2.ts), and every diagnostic about it names the place in
// the ORIGINAL 2.0 document (its JSON pointer, line and column).
//
//   origins.set("/components/schemas/Pet", { file: "pets.yaml", pointer: "/definitions/Pet" })
//   origins.map("/components/schemas/Pet/properties/name/type")
//   → { file: "pets.yaml", pointer: "/definitions/Pet/properties/name/type" }   (longest prefix)
//   new Swagger2Documents(files, host, diags, "pets.yaml", converted, origins)
//     .report("error", "OPENAPI_UNKNOWN_TYPE", "…", { file: "pets.yaml", pointer: "/components/schemas/Pet/properties/name/type" })
//   → a diagnostic at pets.yaml /definitions/Pet/properties/name/type, line and column of that key
//
// A pointer no entry covers stands where it stood (`/paths/~1pets/get/operationId` is the same
// in both versions). Other files of the input are read as they are.

import type { Diagnostics, Severity } from "../diagnostics.js";
import type { Host, SourceFile } from "../frontends.js";
import * as posix from "../posix-path.js";
import { Documents } from "./documents.js";
import type { ParsedSource } from "./source.js";

export interface Origin {
  readonly file: string;
  readonly pointer: string;
}

/** 3.0 pointer of the converted root → where it came from in the 2.0 files (by longest prefix). */
export class Origins {
  readonly #entries = new Map<string, Origin>();

  constructor(private readonly rootFile: string) {}

  set(pointer3: string, origin: Origin): void {
    this.#entries.set(pointer3, origin);
  }

  map(pointer3: string): Origin {
    for (let end = pointer3.length; ; end = pointer3.lastIndexOf("/", end - 1)) {
      const found = this.#entries.get(pointer3.slice(0, end));
      if (found) return { file: found.file, pointer: found.pointer + pointer3.slice(end) };
      if (end <= 0) return { file: this.rootFile, pointer: pointer3 };
    }
  }
}

export class Swagger2Documents extends Documents {
  readonly #rootKey: string;
  readonly #root: ParsedSource;

  constructor(
    files: readonly SourceFile[],
    host: Host,
    diags: Diagnostics,
    private readonly original: Documents,
    private readonly rootFile: string,
    converted: unknown,
    private readonly origins: Origins,
  ) {
    super(files, host, diags);
    this.#rootKey = posix.normalize(rootFile);
    // Positions are asked for with pointers `report` has mapped into the original already.
    this.#root = { path: rootFile, value: converted, locate: (pointer) => original.load(rootFile)?.locate(pointer) };
  }

  override load(path: string): ParsedSource | undefined {
    return posix.normalize(path) === this.#rootKey ? this.#root : super.load(path);
  }

  override get files(): string[] {
    return [this.rootFile, ...super.files.filter((f) => posix.normalize(f) !== this.#rootKey)];
  }

  override report(severity: Severity, code: string, message: string, at: { file: string; pointer: string }, hint?: string): void {
    if (posix.normalize(at.file) !== this.#rootKey) {
      super.report(severity, code, message, at, hint);
      return;
    }
    const origin = this.origins.map(at.pointer);
    if (posix.normalize(origin.file) === this.#rootKey) super.report(severity, code, message, origin, hint);
    else this.original.report(severity, code, message, origin, hint);
  }
}
