// The value and member-trait checks of generator/smithy/validate/ on rules the reference's error
// files cannot show us (those files are rejected by the loader first, or hold only warnings):
// duplicate enum values, a non-zero @default outside its @range (an error) against a zero one
// (the reference's warning: nothing), a default inside a nested value, and valid models that
// must stay clean.
//
//   enum E { A = "x", B = "x" }  → SMITHY_ENUM_SHAPE at `/shapes/ns#E/members/B`

import { expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithyModels } from "../../generator/smithy/frontend.js";

function errors(body: string): string[] {
  const diags = new Diagnostics();
  const text = `$version: "2.0"\nnamespace ns\nservice S { version: "1", operations: [Op] }\noperation Op { input := { a: String } }\n${body}`;
  loadSmithyModels({ name: "m", files: [{ path: "m.smithy", text }] }, diags);
  return diags.items.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.pointer ?? "-"}`);
}

test("two enum or intEnum members with the same value", () => {
  expect(errors(`enum E {\n A = "x"\n B = "x"\n C\n}`)).toEqual(["SMITHY_ENUM_SHAPE /shapes/ns#E/members/B"]);
  expect(errors(`intEnum I {\n A = 1\n B = 2\n C = 1\n}`)).toEqual(["SMITHY_ENUM_SHAPE /shapes/ns#I/members/C"]);
  expect(errors(`enum E {\n A = "x"\n B = "y"\n}\nintEnum I {\n A = 1\n B = 2\n}`)).toEqual([]);
});

test("a @default outside its @range is an error, unless it is zero (the reference warns)", () => {
  expect(errors(`structure T { @range(min: 1, max: 10) a: Integer = 20\n}`)).toEqual(["SMITHY_DEFAULT_VALUE /shapes/ns#T/members/a/traits/smithy.api#default"]);
  expect(errors(`@range(min: 5) integer N\nstructure T { a: N = 2\n}`)).toEqual(["SMITHY_DEFAULT_VALUE /shapes/ns#T/members/a/traits/smithy.api#default"]);
  expect(errors(`structure T { @range(min: 1) a: Integer = 0\n}`)).toEqual([]);
  expect(errors(`structure T { @range(min: 1, max: 10) a: Integer = 10\n}`)).toEqual([]);
});

test("a @default of the wrong kind, width or value; a good one passes", () => {
  expect(errors(`structure T { a: Short = 40000\n}`)).toEqual(["SMITHY_DEFAULT_VALUE /shapes/ns#T/members/a/traits/smithy.api#default"]);
  expect(errors(`structure T { a: Integer = 1.5\n}`)).toEqual(["SMITHY_DEFAULT_VALUE /shapes/ns#T/members/a/traits/smithy.api#default"]);
  expect(errors(`structure T { a: Boolean = "yes"\n}`)).toEqual(["SMITHY_DEFAULT_VALUE /shapes/ns#T/members/a/traits/smithy.api#default"]);
  expect(errors(`intEnum I {\n A = 1\n B = 2\n}\nstructure T { a: I = 3\n}`)).toEqual(["SMITHY_DEFAULT_VALUE /shapes/ns#T/members/a/traits/smithy.api#default"]);
  expect(errors(`intEnum I {\n A = 1\n B = 2\n}\nenum E { X }\n@pattern("^[a-z]+$") string P\nstructure T {\n a: I = 2\n b: E = "X"\n c: P = "abc"\n d: Timestamp = 0\n e: Document = []\n f: Long = 9007199254740993\n}`)).toEqual([]);
});

test("a trait value against its trait shape: a custom trait's constraint, an idRef", () => {
  const traits = `@trait structure limits { @range(max: 5) n: Integer, @length(min: 2) s: String }\n@trait @idRef(selector: "structure", failWhenMissing: true) string ref\n`;
  expect(errors(`${traits}@limits(n: 9) string A`)).toEqual(["SMITHY_TRAIT_VALUE_RANGE /shapes/ns#A/traits/ns#limits"]);
  expect(errors(`${traits}@limits(s: "x") string A`)).toEqual(["SMITHY_TRAIT_VALUE_SHAPE /shapes/ns#A/traits/ns#limits"]);
  expect(errors(`${traits}@ref(A) string A`)).toEqual(["SMITHY_TRAIT_VALUE_SHAPE /shapes/ns#A/traits/ns#ref"]);
  expect(errors(`${traits}@ref(T) @limits(n: 5, s: "xy") string A\nstructure T {}`)).toEqual([]);
});
