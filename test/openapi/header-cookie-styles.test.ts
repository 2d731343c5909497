// oneOf/anyOf (and untyped) header and cookie parameters on the wire, by their style at run time
// (templates/forms.ts.hbs styleHeaderValue, styleCookiePairs; generator/protocols/http/binding.ts),
// as path parameters of that kind are (parameter-content.test.ts): OpenAPI 3.0.3 §Style Values
// gives headers `simple` and cookies `form`, so an object is `a,x,b,2` (exploded `a=x,b=2`) in a
// header and `prefs=a,x,b,2` (exploded, one cookie per member: `a=x; b=2`) in a cookie, a list
// `a,b` and `prefs=a,b` (exploded `prefs=a; prefs=b`), as typed list and object parameters are
// written; before, such a value went as its JSON text. An empty list or object in a cookie is
// undefined (RFC 6570 §2.3) and sends no pair, typed or not (before, a typed one sent `tags=`).
// Checked whole, and against swagger-client's buildRequest (our inputs and 30 random ones per
// operation), with its departures listed in test/openapi-wire/known.ts.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { generateToTemp, loadText, problems } from "./helpers.js";
import { runSource, type DocumentResult } from "../openapi-wire/oracle.js";
import { KNOWN } from "../openapi-wire/known.js";
import { report } from "../openapi-wire/report.js";

const OBJECT = "{ type: object, properties: { a: { type: string }, b: { type: integer } } }";

// One cookie parameter per operation: swagger-client keeps only the last cookie parameter it
// writes (parameter-builders.js cookie() assigns `req.headers.Cookie` anew for each), so two in
// one operation could not be compared. Cookie `explode` is given: swagger-client defaults it to
// false, where 3.0.3 §Parameter Object says "When style is form, the default value is true".
const DOCUMENT = `openapi: 3.0.3
info: { title: Header and cookie styles, version: "1" }
paths:
  /headers:
    get:
      operationId: getHeaders
      parameters:
        - { name: X-Filter, in: header, schema: { oneOf: [{ type: string }, ${OBJECT}] } }
        - { name: X-Pick, in: header, explode: true, schema: { anyOf: [{ type: integer }, ${OBJECT}, { type: array, items: { type: string } }] } }
        - { name: X-Any, in: header, schema: {} }
        - { name: X-List, in: header, schema: { type: array, items: { type: string } } }
        - { name: X-Obj, in: header, explode: true, schema: ${OBJECT} }
      responses: { "204": { description: done } }
  /cookies/flat:
    get:
      operationId: getFlatCookie
      parameters:
        - { name: prefs, in: cookie, explode: false, schema: { oneOf: [{ type: string }, ${OBJECT}, { type: array, items: { type: string } }] } }
      responses: { "204": { description: done } }
  /cookies/exploded:
    get:
      operationId: getExplodedCookie
      parameters:
        - { name: theme, in: cookie, explode: true, schema: { anyOf: [{ type: integer }, ${OBJECT}, { type: array, items: { type: string } }] } }
      responses: { "204": { description: done } }
  /cookies/list:
    get:
      operationId: getListCookie
      parameters:
        - { name: tags, in: cookie, explode: false, schema: { type: array, items: { type: string } } }
      responses: { "204": { description: done } }
  /cookies/object:
    get:
      operationId: getObjectCookie
      parameters:
        - { name: box, in: cookie, explode: false, schema: ${OBJECT} }
      responses: { "204": { description: done } }
`;

type Request = { method: string; path: string; query: readonly string[]; headers: Record<string, string>; body?: string };
let serializers: Record<string, (input: unknown) => Request>;
let dir: string;

beforeAll(async () => {
  dir = await generateToTemp([{ path: "styles.yaml", text: DOCUMENT }], "headercookie");
  serializers = (await import(join(dir, "serializers.ts"))) as typeof serializers;
});

/** The inputs of our own the oracle runs first: every kind of value in each place. */
const INPUTS: Readonly<Record<string, readonly unknown[]>> = {
  getHeaders: [
    { "X-Filter": { a: "x y", b: 2 }, "X-Pick": { a: "q", b: 1 }, "X-Any": { k: "v" }, "X-Obj": { a: "o" } },
    { "X-Filter": "s,t", "X-Pick": ["a", "b"], "X-Any": [1, true], "X-List": ["l", "m"] },
    { "X-Filter": {}, "X-Pick": {}, "X-Any": {}, "X-Obj": {} },
    { "X-Filter": "", "X-Pick": 0, "X-Any": "" },
  ],
  getFlatCookie: [{ prefs: { a: "x y", b: 2 } }, { prefs: ["a b", "c"] }, { prefs: "s@t" }, { prefs: {} }, { prefs: [] }, { prefs: "" }],
  getExplodedCookie: [{ theme: { a: "x", b: 2 } }, { theme: ["a", "b c"] }, { theme: 7 }, { theme: {} }, { theme: [] }],
  getListCookie: [{ tags: ["a b", "c"] }, { tags: [] }],
  getObjectCookie: [{ box: { a: "x", b: 2 } }, { box: {} }],
};

describe("oneOf/anyOf header and cookie parameters by their style", () => {
  it("the document loads without diagnostics", () => {
    expect(problems(loadText(DOCUMENT, "styles.yaml"))).toEqual([]);
  });

  it("headers: simple style, as typed lists and objects are written; an empty list or object is an empty value", () => {
    const s = serializers["serializeGetHeadersRequest"]!;
    expect(s(INPUTS["getHeaders"]![0])).toEqual({
      method: "GET",
      path: "/headers",
      query: [],
      headers: { "X-Filter": "a,x y,b,2", "X-Pick": "a=q,b=1", "X-Any": "k,v", "X-Obj": "a=o" },
    });
    expect(s(INPUTS["getHeaders"]![1]).headers).toEqual({ "X-Filter": "s,t", "X-Pick": "a,b", "X-Any": "1,true", "X-List": "l,m" });
    expect(s(INPUTS["getHeaders"]![2]).headers).toEqual({ "X-Filter": "", "X-Pick": "", "X-Any": "", "X-Obj": "" });
    expect(s(INPUTS["getHeaders"]![3]).headers).toEqual({ "X-Filter": "", "X-Pick": "0", "X-Any": "" });
    // A nested value has no style of its own: JSON text.
    expect(s({ "X-Any": { k: [1, 2] } }).headers).toEqual({ "X-Any": "k,[1,2]" });
  });

  it("cookies: form style; exploded, one cookie per item or member; an empty list or object sends no cookie", () => {
    const cookie = (op: string, input: unknown) => serializers[`serialize${op}Request`]!(input).headers["Cookie"];
    expect(INPUTS["getFlatCookie"]!.map((input) => cookie("GetFlatCookie", input))).toEqual(["prefs=a,x%20y,b,2", "prefs=a%20b,c", "prefs=s%40t", undefined, undefined, "prefs="]);
    expect(INPUTS["getExplodedCookie"]!.map((input) => cookie("GetExplodedCookie", input))).toEqual(["a=x; b=2", "theme=a; theme=b%20c", "theme=7", undefined, undefined]);
    expect(INPUTS["getListCookie"]!.map((input) => cookie("GetListCookie", input))).toEqual(["tags=a%20b,c", undefined]);
    expect(INPUTS["getObjectCookie"]!.map((input) => cookie("GetObjectCookie", input))).toEqual(["box=a,x,b,2", undefined]);
  });

  it("swagger-client's buildRequest sends the same requests, but for its listed departures: the inputs above and 30 random ones per operation", async () => {
    const result: DocumentResult = await runSource({ path: "styles.yaml", text: DOCUMENT }, { runs: 30, seed: 1, inputs: INPUTS });
    const { inputs, identical, unexplained } = report([result], KNOWN);
    expect(result.skipped).toEqual([]);
    expect(inputs).toBe(5 * 30 + Object.values(INPUTS).flat().length);
    expect(result.unexplained.map((d) => `${d.operation} ${JSON.stringify(d.input)} ${JSON.stringify(d.ours.headers)} ${JSON.stringify(d.theirs.headers)}`)).toEqual([]);
    expect(unexplained).toBe(0);
    // Only these departures, each for a reason argued in known.ts.
    expect([...result.explained.keys()].sort()).toEqual(["cookie-explode", "cookie-value-encoding", "empty-cookie", "empty-list-header"]);
    expect(identical).toBeGreaterThan(inputs / 3);
  });

  it("the generated serializers, whole, and they type-check", async () => {
    await expect(readFileSync(join(dir, "serializers.ts"), "utf8")).toMatchFileSnapshot("__snapshots__/generated/header-cookie-styles/serializers.ts.snap");
    expect(typecheckFolder(dir)).toEqual([]);
  });
});
