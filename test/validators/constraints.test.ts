// Runtime behaviour of the generated validators: each constraint, with the full failure list.

import { beforeAll, describe, expect, it } from "vitest";
import type { Shape } from "../../generator/model/ir.js";
import {
  emitAndImport,
  enumOf,
  id,
  kitchenModel,
  map,
  member,
  model,
  msg,
  num,
  ref,
  str,
  STRING,
  struct,
  type Validator,
} from "./fixtures.js";

let validate: (name: string) => Validator;

beforeAll(async () => {
  ({ validate } = await emitAndImport(kitchenModel()));
});

/** A valid `Outer` with the two required members set; tests add what they check. */
function outer(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Inner: { Items: [] }, Any: { free: ["form"] }, Maybe: null, ...extra };
}

describe("types and required members", () => {
  it("accepts a valid value", () => {
    expect(validate("validateOuter")(outer())).toEqual([]);
  });

  it("reports every missing required member at its path", () => {
    expect(validate("validateOuter")({})).toEqual([
      { path: "/Inner", constraint: "required", message: msg("/Inner", "Member must not be null") },
      { path: "/Any", constraint: "required", message: msg("/Any", "Member must not be null") },
      { path: "/Maybe", constraint: "required", message: msg("/Maybe", "Member must not be null") },
    ]);
  });

  it("treats null as missing for required members unless the reference is nullable", () => {
    expect(validate("validateOuter")({ Inner: null, Any: null, Maybe: null })).toEqual([
      { path: "/Inner", constraint: "required", message: msg("/Inner", "Member must not be null") },
      { path: "/Any", constraint: "required", message: msg("/Any", "Member must not be null") },
    ]);
  });

  it("treats null optional members as absent and ignores unknown keys", () => {
    expect(validate("validateOuter")(outer({ Word: null, Unknown: 42 }))).toEqual([]);
  });

  it("reports wrong types with the type seen", () => {
    expect(validate("validateOuter")("nope")).toEqual([
      { path: "", constraint: "type", message: msg("", "Member must be of type object", "of type string") },
    ]);
    expect(validate("validateOuter")(outer({ Word: 5, Inner: [] }))).toEqual([
      { path: "/Inner", constraint: "type", message: msg("/Inner", "Member must be of type object", "of type array") },
      { path: "/Word", constraint: "type", message: msg("/Word", "Member must be of type string", "of type number") },
    ]);
    expect(
      validate("validateMisc")({ Data: "AA==", When: "2020-01-01", Flag: "true", Big: 1.5 }),
    ).toEqual([
      { path: "/Data", constraint: "type", message: msg("/Data", "Member must be of type blob", "of type string") },
      { path: "/When", constraint: "type", message: msg("/When", "Member must be of type timestamp", "of type string") },
      { path: "/Flag", constraint: "type", message: msg("/Flag", "Member must be of type boolean", "of type string") },
      { path: "/Big", constraint: "type", message: msg("/Big", "Member must be of type long", "of type number") },
    ]);
    expect(validate("validateMisc")({ When: new Date(Number.NaN) })).toEqual([
      { path: "/When", constraint: "type", message: msg("/When", "Member must be a valid timestamp") },
    ]);
    expect(validate("validateMisc")({ Data: new Uint8Array(3), When: new Date(0), Flag: false, Big: 2 ** 40 })).toEqual([]);
  });

  it("reads members named like Object.prototype properties only when they are own", () => {
    expect(validate("validateOuter")(outer())).toEqual([]);
    expect(validate("validateOuter")(outer({ constructor: 1 }))).toEqual([
      {
        path: "/constructor",
        constraint: "type",
        message: msg("/constructor", "Member must be of type string", "of type number"),
      },
    ]);
  });

  it("checks byte bounds as part of the type", () => {
    expect(validate("validateNumbers")({ Small: 127 })).toEqual([]);
    expect(validate("validateNumbers")({ Small: 128, Whole: 2 ** 31 })).toEqual([
      { path: "/Small", constraint: "type", message: msg("/Small", "Member must be of type byte", "of type number") },
      { path: "/Whole", constraint: "type", message: msg("/Whole", "Member must be of type integer", "of type number") },
    ]);
  });
});

describe("length", () => {
  it("counts code points of strings and uses Smithy's wording", () => {
    const name = validate("validateName");
    expect(name("😀😀😀😀😀")).toEqual([]);
    expect(name("abcdef")).toEqual([
      {
        path: "",
        constraint: "length",
        message: msg("", "Member must have length between 1 and 5, inclusive", "with length 6"),
      },
    ]);
    expect(name("😀😀😀😀😀😀")).toEqual([
      {
        path: "",
        constraint: "length",
        message: msg("", "Member must have length between 1 and 5, inclusive", "with length 6"),
      },
    ]);
    expect(name("", "/X")).toEqual([
      {
        path: "/X",
        constraint: "length",
        message: msg("/X", "Member must have length between 1 and 5, inclusive", "with length 0"),
      },
    ]);
  });

  it("counts bytes of blobs, entries of lists and maps", () => {
    expect(validate("validateBytes")(new Uint8Array(5))).toEqual([
      { path: "", constraint: "length", message: msg("", "Member must have length between 2 and 4, inclusive", "with length 5") },
    ]);
    expect(validate("validateLists")({ Bounded: [] })).toEqual([
      {
        path: "/Bounded",
        constraint: "length",
        message: msg("/Bounded", "Member must have length between 1 and 2, inclusive", "with length 0"),
      },
    ]);
    expect(validate("validateItem")({ Name: "a", Tags: { a: "1", b: "2", c: "3", d: "4" } })).toEqual([
      {
        path: "/Tags",
        constraint: "length",
        message: msg("/Tags", "Member must have length less than or equal to 3", "with length 4"),
      },
    ]);
  });

  it("applies a member's constraint over its target's", () => {
    // Outer.Short targets ClientId (length 1..128) with its own @length(max: 3).
    expect(validate("validateOuter")(outer({ Short: "abc" }))).toEqual([]);
    expect(validate("validateOuter")(outer({ Short: "abcd" }))).toEqual([
      {
        path: "/Short",
        constraint: "length",
        message: msg("/Short", "Member must have length less than or equal to 3", "with length 4"),
      },
    ]);
  });
});

describe("pattern", () => {
  it("is not implicitly anchored", () => {
    const word = validate("validateLowerWord"); // [a-z]+
    expect(word("ABCdefGHI")).toEqual([]);
    expect(word("ABC")).toEqual([
      { path: "", constraint: "pattern", message: msg("", "Member must satisfy regular expression pattern: [a-z]+") },
    ]);
  });

  it("anchors only where the pattern does", () => {
    const code = validate("validateClientId"); // ^[\w+]+$
    expect(code("abc_DEF+123")).toEqual([]);
    expect(code("abc-def")).toEqual([
      {
        path: "",
        constraint: "pattern",
        message: msg("", "Member must satisfy regular expression pattern: ^[\\w+]+$"),
      },
    ]);
  });

  it("runs the pattern only on a value of allowed length", () => {
    const lengthFailure = (n: number) => ({
      path: "",
      constraint: "length",
      message: msg("", "Member must have length between 1 and 128, inclusive", `with length ${n}`),
    });
    expect(validate("validateClientId")("")).toEqual([lengthFailure(0)]);
    expect(validate("validateClientId")("!".repeat(129))).toEqual([lengthFailure(129)]);
    expect(validate("validateClientId")("!".repeat(128))).toEqual([
      { path: "", constraint: "pattern", message: msg("", "Member must satisfy regular expression pattern: ^[\\w+]+$") },
    ]);
    // Short strings skip the code point count: the pattern still runs on them.
    expect(validate("validateClientId")("!")).toEqual([
      { path: "", constraint: "pattern", message: msg("", "Member must satisfy regular expression pattern: ^[\\w+]+$") },
    ]);
  });
});

describe("range and multipleOf", () => {
  const numbers = (): Validator => validate("validateNumbers");

  it("checks inclusive bounds", () => {
    expect(numbers()({ Percent: 0 })).toEqual([]);
    expect(numbers()({ Percent: 100 })).toEqual([]);
    expect(numbers()({ Percent: 101, Floor: 9 })).toEqual([
      { path: "/Percent", constraint: "range", message: msg("/Percent", "Member must be between 0 and 100, inclusive") },
      { path: "/Floor", constraint: "range", message: msg("/Floor", "Member must be greater than or equal to 10") },
    ]);
  });

  it("checks exclusive bounds", () => {
    expect(numbers()({ Positive: 0.001, Ratio: 1, Open: 0.999 })).toEqual([]);
    expect(numbers()({ Positive: 0, Ratio: 0, Open: -1 })).toEqual([
      { path: "/Positive", constraint: "range", message: msg("/Positive", "Member must be greater than 0") },
      {
        path: "/Ratio",
        constraint: "range",
        message: msg("/Ratio", "Member must be greater than 0 and less than or equal to 1"),
      },
      { path: "/Open", constraint: "range", message: msg("/Open", "Member must be between -1 and 1, exclusive") },
    ]);
    expect(validate("validateOpen")(1)).toEqual([
      { path: "", constraint: "range", message: msg("", "Member must be between -1 and 1, exclusive") },
    ]);
    expect(numbers()({ Positive: Number.NaN })).toEqual([
      { path: "/Positive", constraint: "range", message: msg("/Positive", "Member must be greater than 0") },
    ]);
  });

  it("checks multipleOf, integral and fractional", () => {
    expect(numbers()({ Even: -4, Step: 0.3 })).toEqual([]);
    expect(numbers()({ Step: 123.4 })).toEqual([]);
    expect(numbers()({ Even: 3, Step: 0.35 })).toEqual([
      { path: "/Step", constraint: "multipleOf", message: msg("/Step", "Member must be a multiple of 0.1") },
      { path: "/Even", constraint: "multipleOf", message: msg("/Even", "Member must be a multiple of 2") },
    ]);
  });
});

describe("enum", () => {
  it("checks string and int enums", () => {
    expect(validate("validateOuter")(outer({ Status: "def", Level: 3 }))).toEqual([]);
    expect(validate("validateOuter")(outer({ Status: "xyz", Level: 4 }))).toEqual([
      { path: "/Status", constraint: "enum", message: msg("/Status", "Member must satisfy enum value set: [abc, def, jkl]") },
      { path: "/Level", constraint: "enum", message: msg("/Level", "Member must satisfy enum value set: [1, 2, 3]") },
    ]);
  });
});

describe("uniqueItems and properties", () => {
  it("uses a set for scalars", () => {
    expect(validate("validateUniqueNames")(["a", "b"])).toEqual([]);
    expect(validate("validateUniqueNames")(["a", "b", "a"])).toEqual([
      { path: "", constraint: "uniqueItems", message: msg("", "Member must have unique values") },
    ]);
  });

  it("compares structures deeply", () => {
    const records = validate("validateUniqueRecords");
    expect(records([{ Key: "a", Values: [1, 2] }, { Key: "a", Values: [1, 3] }])).toEqual([]);
    expect(records([{ Key: "a", Values: [1, 2] }, { Key: "b" }, { Values: [1, 2], Key: "a" }])).toEqual([
      { path: "", constraint: "uniqueItems", message: msg("", "Member must have unique values") },
    ]);
    // Reported once however many duplicates there are.
    expect(records([{}, {}, {}])).toEqual([
      { path: "", constraint: "uniqueItems", message: msg("", "Member must have unique values") },
    ]);
  });

  it("counts the keys of an object", () => {
    const props = validate("validateProps");
    expect(props({ a: "1" })).toEqual([]);
    expect(props({})).toEqual([
      {
        path: "",
        constraint: "properties",
        message: msg("", "Member must have property count between 1 and 2, inclusive", "with property count 0"),
      },
    ]);
    expect(props({ a: "1", b: "2", c: "3" })).toEqual([
      {
        path: "",
        constraint: "properties",
        message: msg("", "Member must have property count between 1 and 2, inclusive", "with property count 3"),
      },
    ]);
  });
});

describe("nesting and recursion", () => {
  it("reports failures deep inside structures, lists and maps with JSON pointer paths", () => {
    const value = outer({
      Inner: {
        Items: [
          { Name: "ok", Tags: { good: "v", "a/b": "long", "x~y": "vv" } },
          { Tags: { BAD: "v" } },
          "not an item",
        ],
      },
    });
    expect(validate("validateOuter")(value)).toEqual([
      {
        path: "/Inner/Items/0/Tags/a~1b",
        constraint: "length",
        message: msg("/Inner/Items/0/Tags/a~1b", "Member must have length less than or equal to 3", "with length 4"),
      },
      { path: "/Inner/Items/1/Name", constraint: "required", message: msg("/Inner/Items/1/Name", "Member must not be null") },
      {
        path: "/Inner/Items/1/Tags",
        constraint: "pattern",
        message: msg("/Inner/Items/1/Tags", "Member must satisfy regular expression pattern: ^[a-z/~]+$"),
      },
      {
        path: "/Inner/Items/2",
        constraint: "type",
        message: msg("/Inner/Items/2", "Member must be of type object", "of type string"),
      },
    ]);
  });

  it("follows recursive shapes to any depth", () => {
    const tree = { Value: 1, Children: [{ Value: 2, Children: [{ Value: 3, Children: [{ Value: 400 }] }] }] };
    expect(validate("validateNode")(tree)).toEqual([
      {
        path: "/Children/0/Children/0/Children/0/Value",
        constraint: "range",
        message: msg("/Children/0/Children/0/Children/0/Value", "Member must be between 0 and 100, inclusive"),
      },
    ]);
    let deep: Record<string, unknown> = { Value: 5 };
    for (let i = 0; i < 200; i++) deep = { Value: i % 100, Children: [deep] };
    expect(validate("validateNode")(deep)).toEqual([]);
  });

  it("accepts null items only in sparse lists", () => {
    expect(validate("validateLists")({ Sparse: [1, null, 2] })).toEqual([]);
    expect(validate("validateNumberList")([1, null])).toEqual([
      { path: "/1", constraint: "type", message: msg("/1", "Member must be of type integer", "of type null") },
    ]);
  });
});

describe("unions", () => {
  const choice = (): Validator => validate("validateChoice");

  it("accepts exactly one member and validates it, recursively", () => {
    expect(choice()({ text: "a" })).toEqual([]);
    expect(choice()({ text: null, count: 2 })).toEqual([]);
    expect(choice()({ nested: { nested: { count: "x" } } })).toEqual([
      {
        path: "/nested/nested/count",
        constraint: "type",
        message: msg("/nested/nested/count", "Member must be of type integer", "of type string"),
      },
    ]);
  });

  it("rejects none, several or an unknown member", () => {
    const fail = [
      { path: "", constraint: "union", message: msg("", "Member must have exactly one of [text, count, nested] set") },
    ];
    expect(choice()({})).toEqual(fail);
    expect(choice()({ text: null })).toEqual(fail);
    expect(choice()({ text: "a", count: 1 })).toEqual(fail);
    expect(choice()({ other: 1 })).toEqual(fail);
    expect(choice()({ text: "a", other: 1 })).toEqual(fail);
  });
});

describe("alternatives", () => {
  it("lets the discriminator select the variant", () => {
    const pet = validate("validatePet");
    expect(pet({ petType: "cat", lives: 9 })).toEqual([]);
    expect(pet({ petType: "dog", bark: true })).toEqual([]);
    expect(pet({ petType: "cat", lives: 900 })).toEqual([
      { path: "/lives", constraint: "range", message: msg("/lives", "Member must be between 0 and 100, inclusive") },
    ]);
    expect(pet({ petType: "dog", bark: "woof" })).toEqual([
      { path: "/bark", constraint: "type", message: msg("/bark", "Member must be of type boolean", "of type string") },
    ]);
    expect(pet({ petType: "cow" })).toEqual([
      { path: "/petType", constraint: "enum", message: msg("/petType", "Member must satisfy enum value set: [cat, dog]") },
    ]);
    expect(pet({ lives: 1 })).toEqual([
      { path: "/petType", constraint: "required", message: msg("/petType", "Member must not be null") },
    ]);
  });

  it("anyOf: at least one variant validates", () => {
    const figure = validate("validateFigure");
    expect(figure({ radius: 1 })).toEqual([]);
    expect(figure({ side: 2 })).toEqual([]);
    expect(figure({ radius: 1, side: 2 })).toEqual([]);
    expect(figure({ radius: -1 })).toEqual([
      { path: "", constraint: "union", message: msg("", "Member must match at least one of [Circle, Square]") },
    ]);
  });

  it("oneOf: exactly one variant validates", () => {
    const scalar = validate("validateScalar");
    expect(scalar("x")).toEqual([]);
    expect(scalar(50)).toEqual([]);
    for (const bad of [500, true, null]) {
      expect(scalar(bad)).toEqual([
        { path: "", constraint: "union", message: msg("", "Member must match exactly one of [String, Percent]") },
      ]);
    }
  });
});

describe("less common shapes", () => {
  let extra: (name: string) => Validator;

  beforeAll(async () => {
    const nullableAlt: Shape = {
      type: "alternatives",
      id: id("MaybeNumber"),
      name: "MaybeNumber",
      sensitive: false,
      constraints: {},
      exclusive: true,
      variants: [ref(STRING), ref("Percent", true)],
    };
    ({ validate: extra } = await emitAndImport(
      model("extras", [
        struct("Open", [member("name", STRING, { required: true })], {}, { additionalProperties: ref("Short", true) }),
        struct("Closed", [member("name", STRING)], { properties: { max: 1 } }, { additionalProperties: true }),
        str("Short", { length: { max: 2 } }),
        map("ByColor", "Color", ref(STRING)),
        enumOf("Color", ["red", "green"]),
        struct("Override", [
          member("Digits", "Word", { constraints: { pattern: "^[0-9]+$" } }),
          member("Plain", "Word"),
        ]),
        str("Word", { pattern: "^[a-z]+$" }),
        num("Percent", "integer", { range: { min: 0, max: 100 } }),
        nullableAlt,
      ]),
    ));
  });

  it("validates additionalProperties against their schema, after the declared members", () => {
    expect(extra("validateOpen")({ name: "long name", a: "ok", b: null })).toEqual([]);
    expect(extra("validateOpen")({ name: 1, "x/y": "long", z: 3 })).toEqual([
      { path: "/name", constraint: "type", message: msg("/name", "Member must be of type string", "of type number") },
      {
        path: "/x~1y",
        constraint: "length",
        message: msg("/x~1y", "Member must have length less than or equal to 2", "with length 4"),
      },
      { path: "/z", constraint: "type", message: msg("/z", "Member must be of type string", "of type number") },
    ]);
  });

  it("counts properties of a structure", () => {
    expect(extra("validateClosed")({ anything: 1 })).toEqual([]);
    expect(extra("validateClosed")({ name: "a", other: 2 })).toEqual([
      {
        path: "",
        constraint: "properties",
        message: msg("", "Member must have property count less than or equal to 1", "with property count 2"),
      },
    ]);
  });

  it("reports map key failures at the map's path, as Smithy does", () => {
    expect(extra("validateByColor")({ red: "1", green: "2" })).toEqual([]);
    expect(extra("validateByColor")({ red: "1", blue: "2" })).toEqual([
      { path: "", constraint: "enum", message: msg("", "Member must satisfy enum value set: [red, green]") },
    ]);
  });

  it("applies a member's own pattern instead of its target's", () => {
    expect(extra("validateOverride")({ Digits: "123", Plain: "abc" })).toEqual([]);
    expect(extra("validateOverride")({ Digits: "abc", Plain: "123" })).toEqual([
      { path: "/Digits", constraint: "pattern", message: msg("/Digits", "Member must satisfy regular expression pattern: ^[0-9]+$") },
      { path: "/Plain", constraint: "pattern", message: msg("/Plain", "Member must satisfy regular expression pattern: ^[a-z]+$") },
    ]);
  });

  it("accepts null when a variant of the alternatives is nullable", () => {
    const maybe = extra("validateMaybeNumber");
    expect(maybe(null)).toEqual([]);
    expect(maybe(5)).toEqual([]);
    expect(maybe(500)).toEqual([
      { path: "", constraint: "union", message: msg("", "Member must match exactly one of [String, Percent]") },
    ]);
  });
});
