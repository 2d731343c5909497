// The selector engine (generator/smithy/idl/selectors.ts) on small models, construct by construct:
// what a selector yields from every shape (`select`), and that judging one shape (`matches`, which
// reads a selector backwards or filters the one shape) agrees with it on every shape and member.
//
//   select("structure > member") on `structure S { a: String }` → ["ex#S$a"]

import { describe, expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { assemble } from "../../generator/smithy/assemble.js";
import { loadSmithy, loadSmithyAsts } from "../../generator/smithy/load.js";
import { flattenMixins } from "../../generator/smithy/mixins.js";
import { PRELUDE_IDS, preludeShape } from "../../generator/smithy/prelude-shapes.js";
import { parseSelector } from "../../generator/smithy/idl/selector-parser.js";
import { SelectorContext } from "../../generator/smithy/idl/selectors.js";

const MODEL = `$version: "2.0"
namespace ex

@trait(selector: "service")
list allowed {
    member: String
}

@trait
list tags2 {
    member: String
}

@allowed(["a", "b"])
@httpBasicAuth
@httpBearerAuth
service Svc {
    version: "2020-01-01"
    operations: [Ping]
    resources: [Thing]
    errors: [Oops]
}

resource Thing {
    identifiers: { thingId: ThingId }
    properties: { name: String }
    read: GetThing
    put: PutThing
    list: ListThings
    operations: [Touch]
    collectionOperations: [Count]
    resources: [Part]
}

resource Part {
    identifiers: {
        thingId: ThingId
        partId: String
    }
}

@readonly
operation GetThing {
    input := {
        @required
        thingId: ThingId
    }
    output := {
        name: String
    }
}

@idempotent
operation PutThing {
    input := {
        @required
        thingId: ThingId
        name: String
    }
}

@readonly
operation ListThings {}

operation Touch {
    input := {
        @required
        thingId: ThingId
    }
}

operation Count {}

@documentation("Checks the service. TODO: more")
@tags2(["a"])
operation Ping {
    errors: [Oops]
}

@error("client")
@tags2(["a", "c"])
structure Oops {
    @documentation("the end")
    message: String
}

@length(min: 1, max: 5)
string ThingId

@sensitive
string Secret

enum Color {
    RED
    GREEN
}

intEnum Level {
    LOW = 1
}

@range(min: 0, max: 10)
integer Small

list Names {
    member: Secret
}

map Index {
    key: String
    value: Small
}

@mixin
structure Base {
    @required
    id: String
}

structure Derived with [Base] {
    extra: Document
}

union Choice {
    a: Names
    b: Index
}
`;

function context(): SelectorContext {
  const diags = new Diagnostics();
  const asts = loadSmithyAsts([{ path: "m.smithy", text: MODEL }], diags);
  expect(diags.items.filter((d) => d.severity === "error")).toEqual([]);
  const model = assemble(asts!, diags);
  expect(diags.items.filter((d) => d.severity === "error")).toEqual([]);
  const flat = flattenMixins(model);
  return new SelectorContext({
    lookup: (id) => flat.shapes.get(id) ?? preludeShape(id),
    ids: () => [...model.shapes.keys(), ...PRELUDE_IDS],
    mixinsOf: (id) => model.shapes.get(id)?.mixins,
  });
}

/** The model's (not the prelude's) shapes and members `selector` yields, sorted; `matches` agrees on each. */
function select(selector: string): string[] | undefined {
  const ctx = context();
  const all = ctx.select(selector);
  if (all === undefined) return undefined;
  const every = ctx.select("*") as ReadonlySet<string>;
  for (const id of every) {
    const dollar = id.indexOf("$");
    const verdict = dollar < 0 ? ctx.matches(selector, id) : ctx.matches(selector, id.slice(0, dollar), id.slice(dollar + 1));
    expect(verdict, `${selector} on ${id}`).toBe(all.has(id));
  }
  return [...all].filter((id) => id.startsWith("ex#")).sort();
}

test("the parser: steps of a selector, whitespace insignificant", () => {
  expect(parseSelector("structure > member[trait|required]")).toEqual([
    { k: "type", name: "structure" },
    { k: "neighbor", dir: "forward", rels: undefined },
    { k: "type", name: "member" },
    { k: "attr", path: ["trait", "required"], cmp: undefined, values: [], i: false, trait: "smithy.api#required" },
  ]);
  expect(parseSelector("[ trait | range\n | min = 1 ]")).toEqual([{ k: "attr", path: ["trait", "range", "min"], cmp: "=", values: ["1"], i: false }]);
  expect(parseSelector("* <-[ input , output ]- $x(*) ${x}")).toEqual([
    { k: "neighbor", dir: "reverse", rels: ["input", "output"] },
    { k: "varSet", name: "x", sel: [] },
    { k: "varGet", name: "x" },
  ]);
  expect(parseSelector("[@trait|range: @{min} > @{max} i && @{(keys)} = 'a b']")).toEqual([
    {
      k: "scoped",
      path: ["trait", "range"],
      assertions: [
        { lhs: { k: "ctx", path: ["min"] }, cmp: ">", rhs: [{ k: "ctx", path: ["max"] }], i: true },
        { lhs: { k: "ctx", path: ["(keys)"] }, cmp: "=", rhs: [{ k: "lit", s: "a b" }], i: false },
      ],
    },
  ]);
});

describe("shape types", () => {
  test("a type, `*`, and the categories", () => {
    expect(select("integer")).toEqual(["ex#Level", "ex#Small"]); // an intEnum is an integer
    expect(select("string")).toEqual(["ex#Color", "ex#Secret", "ex#ThingId"]); // an enum is a string
    expect(select("number")).toEqual(["ex#Level", "ex#Small"]);
    expect(select("collection")).toEqual(["ex#Names", "ex#tags2", "ex#allowed"].sort());
    expect(select("simpleType")).toEqual(["ex#Color", "ex#Level", "ex#Secret", "ex#Small", "ex#ThingId"]);
    expect(select("serviceType")).toEqual(["ex#Count", "ex#GetThing", "ex#ListThings", "ex#Part", "ex#Ping", "ex#PutThing", "ex#Svc", "ex#Thing", "ex#Touch"]);
    expect(select("member [id|name = Derived]")).toEqual(["ex#Derived$extra", "ex#Derived$id"]); // inherited from the mixin too
    expect(select("*")?.length).toBeGreaterThan(40);
  });
});

describe("attributes", () => {
  test("existence, id, service, nested trait values", () => {
    expect(select("[trait|sensitive]")).toEqual(["ex#Secret"]);
    expect(select("[trait|ex#allowed]")).toEqual(["ex#Svc"]);
    expect(select("[id|name = Secret]")).toEqual(["ex#Secret"]);
    expect(select("[id = 'ex#Oops$message']")).toEqual(["ex#Oops$message"]);
    expect(select("[id|member = value]")).toEqual(["ex#Index$value"]);
    expect(select("[id|namespace = 'ex'] [id|(length) < 7]")).toEqual(["ex#Svc"]);
    expect(select("[service|version ^= '2020-']")).toEqual(["ex#Svc"]);
    expect(select("[service]")).toEqual(["ex#Svc"]);
    expect(select("[trait|length|min = 1]")).toEqual(["ex#ThingId"]);
    expect(select("[trait|error = client, server]")).toEqual(["ex#Oops"]);
    expect(select("[trait|documentation|invalid|child = Hi]")).toEqual([]);
  });

  test("every comparator and `i`", () => {
    expect(select("[trait|documentation *= todo]")).toEqual([]);
    expect(select("[trait|documentation *= todo i]")).toEqual(["ex#Ping"]);
    expect(select("[trait|documentation $= 'end']")).toEqual(["ex#Oops$message"]);
    expect(select("[trait|documentation != 'the end']")).toEqual(["ex#Ping"]);
    expect(select("[trait|documentation ?= true]")).toEqual(["ex#Oops$message", "ex#Ping"]);
    expect(select("structure [trait|documentation ?= false] [id|name = Oops]")).toEqual(["ex#Oops"]);
    expect(select("[trait|range|max > 9]")).toEqual(["ex#Small"]);
    expect(select("[trait|range|max >= 10]")).toEqual(["ex#Small"]);
    expect(select("[trait|range|max < 10]")).toEqual([]);
    expect(select("[trait|length|max <= 5]")).toEqual(["ex#ThingId"]);
    expect(select("[trait|range|max > 'ten']")).toEqual([]);
  });

  test("(keys), (values), (length), (first)", () => {
    expect(select("[trait|ex#tags2|(values) = c]")).toEqual(["ex#Oops"]);
    expect(select("[trait|(keys)|namespace = 'ex']")).toEqual(["ex#Oops", "ex#Ping", "ex#Svc"]);
    expect(select("[trait|length|(keys) = max]")).toEqual(["ex#ThingId"]);
    expect(select("[trait|ex#tags2|(length) > 1]")).toEqual(["ex#Oops"]);
    expect(select("[trait|(length) > 2] :not([trait|trait])")).toEqual(["ex#Svc"]);
    expect(select("[trait|ex#tags2|(values)|(first) = a]")).toEqual(["ex#Oops", "ex#Ping"]);
  });

  test("scoped attributes, projection comparators", () => {
    expect(select("[@trait|length: @{min} = 1 && @{max} = 5]")).toEqual(["ex#ThingId"]);
    expect(select("[@trait|length: @{min} = 1 && @{max} = 4]")).toEqual([]);
    expect(select("[@trait|range: @{min} < @{max}]")).toEqual(["ex#Small"]);
    expect(select("[@: @{id|name} = SVC i]")).toEqual(["ex#Svc"]);
    // Operations whose tags are a subset of the service's allowed ones.
    const within = "service $svc(*) ~> operation [@: @{trait|ex#tags2|(values)} {<} @{var|svc|trait|ex#allowed|(values)}]";
    expect(select(within)).toEqual(["ex#Ping"]);
    expect(select("service $svc(*) ~> structure [@: @{trait|ex#tags2|(values)} {<} @{var|svc|trait|ex#allowed|(values)}]")).toEqual([]);
    expect(select("service $svc(*) ~> [trait|ex#tags2] [@: @{trait|ex#tags2|(values)} {=} @{var|svc|trait|ex#allowed|(values)}]")).toEqual([]);
    expect(select("service $svc(*) ~> [trait|ex#tags2] [@: @{trait|ex#tags2|(values)} {!=} @{var|svc|trait|ex#allowed|(values)}]")).toEqual(["ex#Oops", "ex#Ping"]);
    expect(select("service $svc(*) ~> [trait|ex#tags2] [@: @{trait|ex#tags2|(values)} {<<} @{var|svc|trait|ex#allowed|(values)}]")).toEqual(["ex#Ping"]);
  });
});

describe("neighbors", () => {
  test("forward, directed, reverse, recursive", () => {
    expect(select("map > member")).toEqual(["ex#Index$key", "ex#Index$value"]);
    expect(select("list > member > string")).toEqual(["ex#Secret"]); // and smithy.api#String, filtered out
    expect(select("string :test(< member < list)")).toEqual(["ex#Secret"]);
    expect(select("union > member > :is(list, map)")).toEqual(["ex#Index", "ex#Names"]);
    expect(select("operation -[error]->")).toEqual(["ex#Oops"]);
    expect(select("service -[error]->")).toEqual(["ex#Oops"]);
    expect(select("operation -[input]-> structure > member")).toEqual(["ex#GetThingInput$thingId", "ex#PutThingInput$name", "ex#PutThingInput$thingId", "ex#TouchInput$thingId"]);
    expect(select("operation -[output]->")).toEqual(["ex#GetThingOutput"]); // not Unit
    expect(select("resource -[put]->")).toEqual(["ex#PutThing"]);
    expect(select("resource -[identifier]->")).toEqual(["ex#ThingId"]);
    expect(select("resource -[property]->")).toEqual([]); // smithy.api#String only
    expect(select("resource -[instanceOperation]->")).toEqual(["ex#GetThing", "ex#PutThing", "ex#Touch"]);
    expect(select("resource -[collectionOperation]->")).toEqual(["ex#Count", "ex#ListThings"]);
    expect(select("resource -[operation]->")).toEqual(["ex#Count", "ex#GetThing", "ex#ListThings", "ex#PutThing", "ex#Touch"]);
    expect(select("resource -[resource]->")).toEqual(["ex#Part"]);
    expect(select("service -[operation, resource]->")).toEqual(["ex#Ping", "ex#Thing"]);
    expect(select("operation -[bound]-> resource")).toEqual(["ex#Thing"]);
    expect(select("resource <-[bound]- operation [id|name = Touch]")).toEqual(["ex#Touch"]);
    expect(select("structure -[mixin]->")).toEqual(["ex#Base"]);
    expect(select("resource -[unknownRelationship]->")).toEqual([]);
    expect(select("structure <-[input]-")).toEqual(["ex#GetThing", "ex#PutThing", "ex#Touch"]);
    // `ex#Oops$message` is named Oops too (the shape's name): its container is yielded.
    expect(select("[id|name = Oops] <")).toEqual(["ex#Oops", "ex#Ping", "ex#Svc"]);
    expect(select("service ~> resource")).toEqual(["ex#Part", "ex#Thing"]);
    expect(select("resource [id|name = Part] ~>")).toEqual(["ex#ThingId"]); // and smithy.api#String, filtered out
  });

  test("trait relationships only when asked for", () => {
    expect(select("service -[trait]-> [trait|authDefinition]")).toEqual([]); // the prelude's, filtered out
    expect(context().select("service -[trait]-> [trait|authDefinition]")).toEqual(new Set(["smithy.api#httpBasicAuth", "smithy.api#httpBearerAuth"]));
    expect(select("[trait|trait] <-[trait]-")).toEqual(["ex#Color$GREEN", "ex#Color$RED", "ex#Level$LOW", "ex#Oops", "ex#Oops$message", "ex#Ping", "ex#Secret", "ex#Small", "ex#Svc", "ex#ThingId", "ex#Base", "ex#Base$id", "ex#Derived$id", "ex#GetThing", "ex#ListThings", "ex#PutThing", "ex#GetThingInput$thingId", "ex#PutThingInput$thingId", "ex#TouchInput$thingId", "ex#GetThingInput", "ex#GetThingOutput", "ex#PutThingInput", "ex#TouchInput", "ex#allowed", "ex#tags2"].sort());
    expect(select("list [id|name = allowed] :not(<-[trait]-)")).toEqual([]);
    expect(select("[id|name = allowed] :not(<-[trait]-)")).toEqual(["ex#allowed$member"]);
    expect(select("service > *")).toEqual(["ex#Oops", "ex#Ping", "ex#Thing"]);
  });
});

describe("functions and variables", () => {
  test(":not, :test, :is, :each", () => {
    expect(select("list :not(> member > string)")).toEqual([]);
    expect(select("list :not(> member > [trait|sensitive])")).toEqual(["ex#allowed", "ex#tags2"]);
    expect(select("map :test(> member > integer)")).toEqual(["ex#Index"]);
    expect(select(":is(enum, intEnum)")).toEqual(["ex#Color", "ex#Level"]);
    expect(select(":each(enum, intEnum) > member")).toEqual(["ex#Color$GREEN", "ex#Color$RED", "ex#Level$LOW"]);
    expect(select(":is(list > member > *, map > member > *) [id|namespace = ex]")).toEqual(["ex#Secret", "ex#Small"]);
  });

  test(":in, :root, variables", () => {
    expect(select("service $ops(-[operation]->) ~> operation :in(${ops})")).toEqual(["ex#Ping"]);
    expect(select("service $ops(-[operation]->) ${ops}")).toEqual(["ex#Ping"]);
    expect(select("operation :not(:in(:root(resource -[operation]->)))")).toEqual(["ex#Ping"]);
    expect(select("operation :in(:root(resource -[read]->))")).toEqual(["ex#GetThing"]);
    expect(select("${nothing}")).toEqual([]);
  });

  test(":topdown, :recursive", () => {
    expect(select(":topdown([trait|ex#allowed])")).toEqual(["ex#Count", "ex#GetThing", "ex#ListThings", "ex#Part", "ex#Ping", "ex#PutThing", "ex#Svc", "ex#Thing", "ex#Touch"]);
    expect(select(":topdown([trait|ex#allowed], [id|name = Thing])")).toEqual(["ex#Ping", "ex#Svc"]);
    expect(select(":topdown([id|name = Thing])")).toEqual(["ex#Count", "ex#GetThing", "ex#ListThings", "ex#Part", "ex#PutThing", "ex#Thing", "ex#Touch"]);
    expect(select("service :recursive(-[resource]->)")).toEqual(["ex#Part", "ex#Thing"]);
    expect(select("structure [id|name = Derived] :recursive(-[mixin]->)")).toEqual(["ex#Base"]);
  });
});

describe("not judged", () => {
  test("a selector outside the grammar, an unknown type or function, too deep", () => {
    const ctx = context();
    for (const bad of ["structure -[input", "structure > [", "widget", ":foo(string)", ":not(string, integer)", "[trait|x = ]", "", `${":not(".repeat(40)}string${")".repeat(40)}`]) {
      expect(ctx.select(bad), bad).toBeUndefined();
      expect(ctx.matches(bad, "ex#Secret"), bad).toBeUndefined();
    }
  });

  test("a member whose target is not in the model", () => {
    const diags = new Diagnostics();
    const model = assemble(loadSmithyAsts([{ path: "m.smithy", text: 'namespace ex\nstructure S { a: String }' }], diags)!, diags);
    const shapes = new Map(model.shapes);
    shapes.set("ex#S", { type: "structure", members: { a: { target: "ex#Missing" } } });
    const ctx = new SelectorContext({ lookup: (id) => shapes.get(id) ?? preludeShape(id), ids: () => shapes.keys(), mixinsOf: () => undefined });
    expect(ctx.matches("structure > member :test(> string)", "ex#S", "a")).toBeUndefined();
    expect(ctx.matches("structure > member :test(> string)", "ex#Nope")).toBeUndefined();
  });
});

describe("trait targets on the loaded model", () => {
  const load = (text: string) => {
    const diags = new Diagnostics();
    loadSmithy([{ path: "m.smithy", text: `$version: "2.0"\nnamespace ex\n${text}` }], diags);
    return diags.items.filter((d) => d.code === "SMITHY_TRAIT_TARGET").map((d) => /^Trait `([^`]+)` cannot be applied to `([^`]+)`/.exec(d.message)?.slice(1).join(" on "));
  };

  test("a member from a mixin has the mixin's traits (@httpLabel needs @required)", () => {
    expect(load("@mixin\nstructure M {\n    @required\n    id: String\n}\nstructure I with [M] {}\napply I$id @httpLabel")).toEqual([]);
    expect(load("@mixin\nstructure M {\n    id: String\n}\nstructure I with [M] {}\napply I$id @httpLabel")).toEqual(["smithy.api#httpLabel on ex#I$id"]);
  });

  test("relationships, :not and ~> in the prelude's selectors", () => {
    expect(load("@uniqueItems\nlist L {\n    member: Float\n}")).toEqual(["smithy.api#uniqueItems on ex#L"]);
    expect(load("@uniqueItems\nlist L {\n    member: String\n}")).toEqual([]);
    expect(load("@enum([{ value: \"a\" }])\nstring S\n@sensitive\nstructure T {\n    @sensitive\n    a: String\n}")).toEqual(["smithy.api#sensitive on ex#T$a"]);
    expect(load("operation O {\n    input := {\n        @nestedProperties\n        a: Box\n    }\n}\nstructure Box {}\nstructure Other {\n    @nestedProperties\n    b: Box\n}")).toEqual(["smithy.api#nestedProperties on ex#Other$b"]);
  });

  test("a mixin is not applied as a trait", () => {
    expect(load("@mixin\n@trait\nstructure t {}\n@t\nstructure S {}")).toEqual(["ex#t on ex#S"]);
    expect(load("@mixin\n@trait\nstructure t {}\nstructure u with [t] {}\n@u\nstructure S {}")).toEqual([]);
  });
});
