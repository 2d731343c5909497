// Validators of two object schemas that print the same checks without being of the same form
// (one property is an inline string, the other a $ref to a named string): the second shares the
// first's function and is exported under its own name. A validator that calls the second, printed
// before that was known, must call the function itself: the export list's name is not in scope
// inside validators.ts (a real 5 MB document came out with "Cannot find name" there).
//
//   Caller { first: Alpha, second: Beta }   Alpha { name: string }   Beta { name: Name }   Name: string
//   → export function validatePutThingRequest(...) { ... validateAlpha(v2, path + "/second", out); ... }
//     export { validateAlpha as validateBeta, ... };

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { generateToTemp } from "./helpers.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const DOCUMENT = {
  openapi: "3.0.3",
  info: { title: "Same checks", version: "1" },
  paths: {
    "/things": {
      post: {
        operationId: "putThing",
        requestBody: { required: true, content: { "application/json": { schema: ref("Caller") } } },
        responses: { "204": { description: "stored" } },
      },
    },
  },
  components: {
    schemas: {
      Caller: { type: "object", properties: { first: ref("Alpha"), second: ref("Beta") } },
      Alpha: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      Beta: { type: "object", required: ["name"], properties: { name: ref("Name") } },
      Name: { type: "string" },
    },
  },
};

type Validator = (value: unknown) => { path: string }[];

let dir = "";
beforeAll(async () => {
  dir = await generateToTemp([{ path: "same-checks.json", text: JSON.stringify(DOCUMENT) }], "same_checks");
});

describe("validators of schemas with the same checks", () => {
  it("type-check: the caller of the shared validator names a function in scope", () => {
    expect(typecheckFolder(dir)).toEqual([]);
  });

  it("the shared function checks both properties, and the second's exported name is that function", async () => {
    const mod = (await import(pathToFileURL(join(dir, "validators.ts")).href)) as Record<string, Validator>;
    expect(mod["validateBeta"]).toBe(mod["validateAlpha"]);
    expect(mod["validatePutThingRequest"]!({ first: {}, second: {} }).map((f) => f.path)).toEqual(["/first/name", "/second/name"]);
    expect(mod["validatePutThingRequest"]!({ first: { name: "a" }, second: { name: 1 } }).map((f) => f.path)).toEqual(["/second/name"]);
    expect(mod["validatePutThingRequest"]!({ first: { name: "a" }, second: { name: "b" } })).toEqual([]);
  });
});
