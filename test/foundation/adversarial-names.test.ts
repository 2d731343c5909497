// Names that collide with what every object inherits (`constructor`, `toString`, `__proto__`),
// with the runtime helpers and local names of the generated code, and with keywords
// (test/fixtures/adversarial-names.smithy): the types, validators and log-safe views type-check
// strictly and treat such members as own properties only, at run time too.
//

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generateFrom, writeTree } from "../helpers/generate.js";
import { ROOT } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";

const FIXTURE = join(ROOT, "test/fixtures/adversarial-names.smithy");
const REDACTED = "*** Sensitive Data Redacted ***";

type Fn = (value: unknown) => unknown;
let dir: string;
let mod: Record<string, unknown>;
const fn = (name: string): Fn => {
  const f = mod[name];
  if (typeof f !== "function") throw new Error(`index.ts exports no function ${name}`);
  return f as Fn;
};

/** A valid PutInput as JSON.parse gives it: `__proto__` is an own key there, as on the wire. */
const VALID = `{
  "constructor": "c", "toString": "t", "hasOwnProperty": 1,
  "__proto__": { "constructor": "abc", "__proto__": "secret", "toString": { "constructor": "x" } },
  "isPrototypeOf": [{ "constructor": "a" }],
  "propertyIsEnumerable": { "constructor": { "constructor": "b" }, "__proto__": { "constructor": "c" } },
  "toLocaleString": { "__proto__": "p" },
  "__defineGetter__": "__proto__",
  "__lookupSetter__": "hidden",
  "hasOwn": { "constructor": "h" }, "isPlainObject": [], "pointerSegment": {},
  "SENSITIVE": "s", "value": { "constructor": "v" }, "path": "p", "out": [], "v1": 2, "k1": "k",
  "item": { "constructor": "i" }, "key": {}, "class": "c", "default": "toString", "in": true,
  "helpers": { "value": "hv" }, "objects": { "out": "ov" }, "local": { "constructor": "local secret" },
  "items": { "m1": { "constructor": "item secret" } }, "secrets": [{ "constructor": "list secret" }]
}`;

beforeAll(async () => {
  const result = await generateFrom([{ name: "adversarial", paths: [FIXTURE] }], { format: false });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  dir = writeTree(result.files, "adversarial");
  mod = (await import(pathToFileURL(join(dir, "adversarial", "index.ts")).href)) as Record<string, unknown>;
});

describe("adversarial member names", () => {
  it("every generated file (serializers.ts too) type-checks strictly", () => {
    expect(typecheckFolder(dir)).toEqual([]);
  });

  it("an enum value named __proto__ is an own property of the enum object", () => {
    const kind = mod["Kind"] as Record<string, string>;
    expect(Object.keys(kind)).toEqual(["constructor", "__proto__", "toString", "hasOwnProperty"]);
    expect(Object.getPrototypeOf(kind)).toBe(Object.prototype);
    expect(readFileSync(join(dir, "adversarial", "types.ts"), "utf8")).toContain(`["__proto__"]: "__proto__",`);
  });

  it("validators read inherited names as own properties only", () => {
    const validate = fn("validatePutInput");
    expect(validate(JSON.parse(VALID))).toEqual([]);
    // Only the two required members are missing: `toString`, `valueOf`, ... of Object.prototype are not read.
    expect(validate({})).toEqual([
      { path: "/constructor", constraint: "required", message: "Value at '/constructor' failed to satisfy constraint: Member must not be null" },
      { path: "/__proto__", constraint: "required", message: "Value at '/__proto__' failed to satisfy constraint: Member must not be null" },
    ]);
    const bad = JSON.parse(VALID) as Record<string, unknown>;
    bad["__proto__"] = JSON.parse(`{ "constructor": "abcd", "hasOwnProperty": "x" }`);
    bad["toLocaleString"] = {};
    bad["__defineGetter__"] = "valueOf";
    const failures = validate(bad) as { path: string; constraint: string }[];
    expect(failures.map((f) => `${f.path} ${f.constraint}`)).toEqual([
      "/__proto__/constructor length",
      "/__proto__/hasOwnProperty type",
      "/toLocaleString union",
      "/__defineGetter__ enum",
    ]);
  });

  it("log-safe views hide sensitive members with inherited names, copying own properties only", () => {
    const input = JSON.parse(VALID) as Record<string, unknown>;
    const out = fn("redactPutInput")(input) as Record<string, unknown>;
    // Compared as JSON text: an object literal with a `__proto__` key would set a prototype instead.
    const expected = VALID.replace(`"hidden"`, JSON.stringify(REDACTED))
      .replace(`"SENSITIVE": "s"`, `"SENSITIVE": ${JSON.stringify(REDACTED)}`)
      .replace(`"secret"`, JSON.stringify(REDACTED))
      .replace(/"(local|item|list) secret"/g, JSON.stringify(REDACTED));
    expect(JSON.stringify(out)).toBe(JSON.stringify(JSON.parse(expected)));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(Object.keys(input));
    expect(({} as Record<string, unknown>)["constructor"]).toBe(Object);
  });
});
