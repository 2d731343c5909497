// The validators generated from an OpenAPI document enforce the constraints peers drop:
// exclusive bounds (3.1 numbers), multipleOf, uniqueItems, min/maxProperties, patterns, nullable
// types, oneOf (exactly one) and discriminated unions, typed additionalProperties.

import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureFiles, generateToTemp } from "./helpers.js";

type Validate = (value: unknown) => { path: string; constraint: string; message: string }[];
let validate: Validate;

beforeAll(async () => {
  const dir = await generateToTemp(fixtureFiles("validation.yaml"), "validation");
  validate = ((await import(join(dir, "validators.ts"))) as { validateCheckRequest: Validate }).validateCheckRequest;
});

const fail = (path: string, constraint: string, message: string) => ({ path, constraint, message: message.replace("@", `'${path}'`) });

describe("validators from OpenAPI constraints", () => {
  it("accepts a valid input (a null where the type allows it, a Date for date-time)", () => {
    expect(
      validate({
        limits: { ratio: 0.5, step: 1.5, tags: ["a", "b"] },
        pet: { petType: "cat", meows: true },
        idOrName: 3,
        maybe: null,
        at: new Date(0),
        extra: { known: "k", n: 1 },
      }),
    ).toEqual([]);
  });

  it("required, and min/maxProperties", () => {
    expect(validate({})).toEqual([fail("/limits", "required", "Value at @ failed to satisfy constraint: Member must not be null")]);
    expect(validate({ limits: {} })).toEqual([
      fail("/limits", "properties", "Value with property count 0 at @ failed to satisfy constraint: Member must have property count between 1 and 3, inclusive"),
    ]);
  });

  it("exclusive bounds, multipleOf, uniqueItems, pattern", () => {
    expect(validate({ limits: { ratio: 0, step: 0.3, tags: ["a", "a"], word: "ABC" } })).toEqual([
      fail("/limits", "properties", "Value with property count 4 at @ failed to satisfy constraint: Member must have property count between 1 and 3, inclusive"),
      fail("/limits/ratio", "range", "Value at @ failed to satisfy constraint: Member must be between 0 and 1, exclusive"),
      fail("/limits/step", "multipleOf", "Value at @ failed to satisfy constraint: Member must be a multiple of 0.5"),
      fail("/limits/tags", "uniqueItems", "Value at @ failed to satisfy constraint: Member must have unique values"),
      fail("/limits/word", "pattern", "Value at @ failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$"),
    ]);
    expect(validate({ limits: { ratio: 1 } })).toEqual([fail("/limits/ratio", "range", "Value at @ failed to satisfy constraint: Member must be between 0 and 1, exclusive")]);
    expect(validate({ limits: { ratio: 0.999, step: -2 } })).toEqual([]);
  });

  it("a discriminated oneOf checks the variant the discriminator names", () => {
    expect(validate({ limits: { step: 1 }, pet: { petType: "dog", meows: true } })).toEqual([
      fail("/pet/barks", "required", "Value at @ failed to satisfy constraint: Member must not be null"),
    ]);
    expect(validate({ limits: { step: 1 }, pet: { petType: "fish" } })).toEqual([
      fail("/pet/petType", "enum", "Value at @ failed to satisfy constraint: Member must satisfy enum value set: [cat, dog]"),
    ]);
  });

  it("a oneOf without discriminator needs exactly one matching variant", () => {
    const message = "Value at @ failed to satisfy constraint: Member must match exactly one of [IdOrNameOption1, IdOrNameOption2]";
    expect(validate({ limits: { step: 1 }, idOrName: 0 })).toEqual([fail("/idOrName", "union", message)]);
    expect(validate({ limits: { step: 1 }, idOrName: "" })).toEqual([fail("/idOrName", "union", message)]);
    expect(validate({ limits: { step: 1 }, idOrName: "n" })).toEqual([]);
  });

  it("a nullable type still checks its non-null values; typed additionalProperties", () => {
    expect(validate({ limits: { step: 1 }, maybe: "x" })).toEqual([
      fail("/maybe", "length", "Value with length 1 at @ failed to satisfy constraint: Member must have length greater than or equal to 2"),
    ]);
    expect(validate({ limits: { step: 1 }, extra: { known: 1, n: "x" } })).toEqual([
      fail("/extra/known", "type", "Value of type number at @ failed to satisfy constraint: Member must be of type string"),
      fail("/extra/n", "type", "Value of type string at @ failed to satisfy constraint: Member must be of type long"),
    ]);
  });
});
