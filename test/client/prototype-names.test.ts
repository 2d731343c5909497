// An operation whose input members are all optional takes `input: X = {}` in the client
// (generator/client/shared.ts). `{}` already has Object.prototype's members, so when the input has a
// member of such a name (`valueOf`, `toString`, `constructor`, ...) whose type is not a function,
// `{}` is no `X` (TS2322) and the default is written `{} as X`. Found by `npm run fuzz` (seed 2,
// case 6825: test/openapi/fixtures/naming.yaml with a key renamed `valueOf`).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { generateToTemp } from "../openapi/helpers.js";

const DOCUMENT = `openapi: 3.0.3
info: { title: Proto, version: "1" }
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                valueOf: { type: object, properties: { n: { type: integer } } }
                toString: { type: string }
      responses: { "204": { description: done } }
  /plain:
    post:
      operationId: createPlain
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { name: { type: string } } }
      responses: { "204": { description: done } }
`;

describe("an all-optional input with Object.prototype member names", () => {
  it("gets a default the checker accepts, and the folder type-checks", async () => {
    const dir = await generateToTemp([{ path: "proto.yaml", text: DOCUMENT }], "protonames");
    const client = readFileSync(join(dir, "client.ts"), "utf8");
    expect(client).toMatch(/export function createThing\(\s*context: ProtoContext,\s*input: CreateThingRequest = \{\} as CreateThingRequest,/);
    // An input without such names keeps the plain default.
    expect(client).toMatch(/export function createPlain\(\s*context: ProtoContext,\s*input: CreatePlainRequest = \{\},/);
    expect(typecheckFolder(dir)).toEqual([]);
  });
});
