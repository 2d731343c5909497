// Untagged oneOf / anyOf in responses (test/openapi/fixtures/response-variants.yaml): each value
// is read as the variant it is, so that what arrives has the type the declaration gives (a
// `date-time` variant is a Date, a `byte` one a Uint8Array, a structure's members are read as
// theirs); a discriminated oneOf is read as the variant its tag names; a value no variant can
// read is a MalformedResponseError naming the place. Also: an error schema named `Error`, whose
// class is renamed `Error_`, keeps the schema's name as `name` (README, Responses and errors).

import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { fixtureFiles, generateToTemp } from "./helpers.js";

interface Response {
  status: number;
  headers: Record<string, string>;
  body: string;
}
type Deserializer = (response: Response) => unknown;
let d: Record<string, Deserializer>;
let dir: string;

beforeAll(async () => {
  dir = await generateToTemp(fixtureFiles("response-variants.yaml"), "response-variants");
  d = (await import(join(dir, "deserializers.ts"))) as typeof d;
});

const json = (status: number, body: unknown): Response => ({ status, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const event = (body: unknown) => d["deserializeGetEventResponse"]!(json(200, body));
const schedule = (body: unknown) => d["deserializeGetScheduleResponse"]!(json(200, body));

function thrown(read: () => unknown): Record<string, unknown> {
  try {
    read();
  } catch (error) {
    const e = error as Error & Record<string, unknown>;
    return { class: e.constructor.name, name: e.name, message: e.message, $code: e["$code"], $status: e["$status"], code: e["code"] };
  }
  throw new Error("expected the deserializer to throw");
}

describe("an untagged oneOf of structures", () => {
  it("is read as the variant whose required properties the value has: its date-times are Dates", () => {
    expect(event({ id: 1, created_at: "2024-05-01T10:00:00Z" })).toEqual({ body: { id: 1, created_at: new Date("2024-05-01T10:00:00Z") } });
    expect(event({ id: 2, from: "a", to: "b", at: "2024-05-02T00:00:00+02:00" })).toEqual({ body: { id: 2, from: "a", to: "b", at: new Date("2024-05-01T22:00:00Z") } });
  });

  it("in a list, each item as its own variant", () => {
    expect(schedule({ events: [{ id: 1, created_at: "2024-05-01T10:00:00Z" }, { id: 2, from: "a", to: "b" }] })).toEqual({
      events: [
        { id: 1, created_at: new Date("2024-05-01T10:00:00Z") },
        { id: 2, from: "a", to: "b" },
      ],
    });
  });

  it("a malformed value of the variant it matches is an error at its place, not passed off as another variant", () => {
    expect(thrown(() => event({ id: 1, created_at: "yesterday" }))).toMatchObject({
      name: "MalformedResponseError",
      message: 'The response (HTTP 200) could not be read: at $.created_at: expected an RFC 3339 date-time, got the string "yesterday"',
    });
    expect(thrown(() => event("an event"))).toMatchObject({ name: "MalformedResponseError", message: 'The response (HTTP 200) could not be read: at $: expected a value of one of its oneOf variants, got the string "an event"' });
  });
});

describe("untagged choices of scalars", () => {
  it("oneOf [date-time, integer]: a Date for RFC 3339 text, a number for a number; anything else is an error", () => {
    expect(schedule({ when: "2024-05-01T10:00:00.5Z" })).toEqual({ when: new Date("2024-05-01T10:00:00.500Z") });
    expect(schedule({ when: 1714557600 })).toEqual({ when: 1714557600 });
    expect(thrown(() => schedule({ when: "tomorrow" }))).toMatchObject({ name: "MalformedResponseError", message: 'The response (HTTP 200) could not be read: at $.when: expected an RFC 3339 date-time, got the string "tomorrow"' });
    expect(thrown(() => schedule({ when: true }))).toMatchObject({ name: "MalformedResponseError", message: "The response (HTTP 200) could not be read: at $.when: expected a value of one of its oneOf variants, got boolean true" });
    // A number that is not an integer fits neither variant (the type test is chosen when the reader is generated).
    expect(thrown(() => schedule({ when: 1.5 }))).toMatchObject({ name: "MalformedResponseError", message: "The response (HTTP 200) could not be read: at $.when: expected a value of one of its oneOf variants, got number 1.5" });
  });

  it("anyOf [string, date-time]: the most specific variant that reads (a Date for RFC 3339 text), else the text", () => {
    expect(schedule({ until: "2024-05-01T10:00:00Z" })).toEqual({ until: new Date("2024-05-01T10:00:00Z") });
    expect(schedule({ until: "soon" })).toEqual({ until: "soon" });
  });

  it("anyOf [string, structure]: text as it is, an object read as the structure, any other type an error", () => {
    expect(schedule({ owner: "evt_1" })).toEqual({ owner: "evt_1" });
    expect(schedule({ owner: { id: 1, created_at: "2024-05-01T10:00:00Z" } })).toEqual({ owner: { id: 1, created_at: new Date("2024-05-01T10:00:00Z") } });
    expect(thrown(() => schedule({ owner: { id: 1, created_at: 7 } }))).toMatchObject({ name: "MalformedResponseError", message: "The response (HTTP 200) could not be read: at $.owner.created_at: expected an RFC 3339 date-time, got number 7" });
    expect(thrown(() => schedule({ owner: ["evt_1"] }))).toMatchObject({ name: "MalformedResponseError", message: 'The response (HTTP 200) could not be read: at $.owner: expected a value of one of its anyOf variants, got an array' });
  });

  it("oneOf [enum, byte]: a listed value is the enum's text, any other text base64 bytes", () => {
    expect(schedule({ level: "high" })).toEqual({ level: "high" });
    expect(schedule({ level: "AAEC" })).toEqual({ level: new Uint8Array([0, 1, 2]) });
  });
});

describe("a discriminated oneOf", () => {
  it("is read as the variant its tag names; an unmapped tag as the variant that fits best", () => {
    expect(schedule({ pet: { kind: "dog", chipped: "2024-01-01T00:00:00Z", photo: "AAEC" } })).toEqual({ pet: { kind: "dog", chipped: new Date("2024-01-01T00:00:00Z"), photo: new Uint8Array([0, 1, 2]) } });
    expect(schedule({ pet: { kind: "cat", born: "2020-02-29T12:00:00Z", photo: "AAEC" } })).toEqual({ pet: { kind: "cat", born: new Date("2020-02-29T12:00:00Z") } });
    expect(schedule({ pet: { kind: "bird", chipped: "2024-01-01T00:00:00Z" } })).toEqual({ pet: { kind: "bird", chipped: new Date("2024-01-01T00:00:00Z") } });
    // The tag names the variant: its malformed members are errors (no other variant is tried).
    expect(thrown(() => schedule({ pet: { kind: "dog", chipped: 5 } }))).toMatchObject({ name: "MalformedResponseError", message: "The response (HTTP 200) could not be read: at $.pet.chipped: expected an RFC 3339 date-time, got number 5" });
  });
});

describe("an error schema named Error", () => {
  it("is the class Error_ whose name and $code are the schema's name", () => {
    expect(thrown(() => d["deserializeGetEventResponse"]!(json(404, { message: "no such event", code: 7 })))).toEqual({
      class: "Error_",
      name: "Error",
      message: "no such event",
      $code: "Error",
      $status: 404,
      code: 7,
    });
  });
});

describe("the generated folder", () => {
  it("type-checks under the strict options", () => {
    expect(typecheckFolder(dir)).toEqual([]);
  });
});
