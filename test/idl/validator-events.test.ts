// Model validation against the reference implementation: for every event id that a check of
// generator/smithy/validate/ judges (CHECKED), each ERROR of that id in the reference's validator
// error files (../shared/corpus/smithy/idl/errorfiles/validators: a model and the `.errors` the
// reference's validators report on it) is ours, with the code CHECKED gives, on the same shape;
// or it is one of the GAPS, each with its reason. We report no such error that the reference
// does not, on any of the files (the 80 without an ERROR included). The model goes through the
// real front end (load, mixins, recursion, validation, lowering), as `shapesmith generate` runs it.
//
//   service-rename/conflict.errors: "[ERROR] smithy.example#Foo: Renamed shape name "A" conflicts
//   with `smithy.example#Baz` (renamed to "A") in the `smithy.example#MyService` service closure. … | Service"
//     → SMITHY_SERVICE_CLOSURE on `smithy.example#Foo`, and on `smithy.example#Baz`

import { expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithyModels } from "../../generator/smithy/frontend.js";
import { listCorpus, readCorpus } from "./corpus.js";

const DIR = "smithy/idl/errorfiles/validators";

/**
 * The reference's event id → the code of our check that judges it (or the codes: the first our
 * check's, the others the loader's, which reports some of the event's cases before validation).
 */
const CHECKED: Readonly<Record<string, string | readonly string[]>> = {
  Target: ["SMITHY_TARGET", "SMITHY_UNKNOWN_TARGET", "SMITHY_OPERATION_TARGET"],
  Service: "SMITHY_SERVICE_CLOSURE",
  SingleOperationBinding: "SMITHY_SINGLE_OPERATION_BINDING",
  SingleResourceBinding: "SMITHY_SINGLE_RESOURCE_BINDING",
  OperationInputOutputMisuse: "SMITHY_OPERATION_IO_MISUSE",
  ShapeIdConflict: "SMITHY_SHAPE_ID_CONFLICT",
  ResourceCycle: "SMITHY_RESOURCE_CYCLE",
  ResourceLifecycle: "SMITHY_RESOURCE_LIFECYCLE",
  ResourceIdentifier: "SMITHY_RESOURCE_IDENTIFIER",
  ResourceIdentifierBinding: "SMITHY_RESOURCE_IDENTIFIER_BINDING",
  PrivateAccess: "SMITHY_PRIVATE_ACCESS",
  ReferencesTrait: "SMITHY_REFERENCES",
  MetadataTrait: "SMITHY_METADATA_TRAIT",
  DefaultTrait: "SMITHY_DEFAULT_VALUE",
  RangeTrait: "SMITHY_RANGE_TRAIT",
  LengthTrait: "SMITHY_LENGTH_TRAIT",
  ExclusiveStructureMemberTrait: "SMITHY_EXCLUSIVE_MEMBER_TRAIT",
  TraitConflict: "SMITHY_CONFLICTING_TRAITS",
  JsonName: "SMITHY_JSON_NAME_CONFLICT",
  Union: "SMITHY_EMPTY_UNION",
  UnitType: "SMITHY_UNIT_TYPE",
  EnumTrait: "SMITHY_ENUM_TRAIT",
  EnumShape: "SMITHY_ENUM_SHAPE",
  PaginatedTrait: "SMITHY_PAGINATED_TRAIT",
  IdempotentTrait: "SMITHY_IDEMPOTENT_TRAIT",
  ExamplesTrait: "SMITHY_EXAMPLES_TRAIT",
  TraitValue: "SMITHY_TRAIT_VALUE_SHAPE",
  "TraitValue.Member.InvalidRange": "SMITHY_TRAIT_VALUE_RANGE",
  HttpLabelTrait: "SMITHY_HTTP_LABEL",
  HttpQueryTrait: "SMITHY_HTTP_QUERY",
  HttpHeaderTrait: "SMITHY_HTTP_HEADER",
  HttpPrefixHeadersTrait: "SMITHY_HTTP_PREFIX_HEADERS",
  HttpPayload: "SMITHY_HTTP_PAYLOAD",
  HttpUriFormat: "SMITHY_HTTP_URI_FORMAT",
  HttpUriConflict: "SMITHY_HTTP_URI_CONFLICT",
  HttpBindingsMissing: "SMITHY_HTTP_BINDINGS_MISSING",
  HostLabelTrait: "SMITHY_HOST_LABEL",
  StreamingTrait: "SMITHY_STREAMING",
  EventPayloadTrait: "SMITHY_EVENT_PAYLOAD",
  RequestCompressionTrait: "SMITHY_REQUEST_COMPRESSION",
  CorsTrait: "SMITHY_CORS",
  HttpApiKeyAuthTrait: "SMITHY_HTTP_API_KEY_AUTH",
  MediaType: "SMITHY_MEDIA_TYPE",
  NoInlineDocumentSupport: "SMITHY_NO_INLINE_DOCUMENT",
};

/** `file shape event` of the reference's ERRORs of a CHECKED id that we do not report, by reason. */
const GAPS: Readonly<Record<string, readonly string[]>> = {
  // These files also target undefined shapes: the loader rejects them for that (SMITHY_UNKNOWN_TARGET,
  // reported) before the model is validated. Each rule is judged on a model of ours in
  // test/idl/targets.test.ts.
  "the loader stops at the file's undefined targets first": [
    "target-validator-service-errors.json ns.foo#InvalidService2 Target",
    "target-validator-service-errors.json ns.foo#InvalidService3 Target",
    "target-validator.json ns.foo#InvalidListMemberResource$member Target",
    "target-validator.json ns.foo#InvalidListMemberService$member Target",
    "target-validator.json ns.foo#InvalidMapType Target",
    "target-validator.json ns.foo#InvalidOperationBadErrorTraits Target",
    "target-validator.json ns.foo#InvalidOperationBadErrorTraits Target",
    "target-validator.json ns.foo#InvalidOperationBadErrorTraits Target",
    "target-validator.json ns.foo#InvalidResourceBindingType Target",
    "target-validator.json ns.foo#InvalidResourceIdentifierType Target",
    "target-validator.json ns.foo#InvalidResourceLifecycle Target",
    "target-validator.json ns.foo#InvalidResourceLifecycle Target",
    "target-validator.json ns.foo#InvalidResourceLifecycle Target",
    "target-validator.json ns.foo#InvalidResourceLifecycle Target",
    "target-validator.json ns.foo#InvalidTraitReference$member Target",
  ],
};

/**
 * `file shape event` of the reference's ERRORs of a CHECKED id that the loader rejects first,
 * under another code (checked: the file gets that error), so the model never reaches validation.
 */
const ELSEWHERE: Readonly<Record<string, string>> = {
  // The renamed shape is not defined at all.
  "service-rename/invalid-shape.smithy smithy.example#MyService Service": "SMITHY_UNKNOWN_SHAPE",
  // An IDL member's target that is not defined: the IDL resolver's error, at its line and column.
  "model-validation/model-validation-stops-validating-on-core-errors.smithy smithy.example#FooRequest$listVal Target": "SMITHY_UNKNOWN_SHAPE",
  "model-validation/model-validation-stops-validating-on-core-errors.smithy smithy.example#FooRequest$mapVal Target": "SMITHY_UNKNOWN_SHAPE",
  // The loader rejects other members' values first (empty, of the wrong type, null, fractional).
  "enums/enum-shapes.smithy ns.foo#IntEnum$DUPLICATE_VALUE EnumShape": "SMITHY_ENUM_VALUE",
  "enums/enum-shapes.smithy ns.foo#IntEnum$IMPLICIT_VALUE EnumShape": "SMITHY_ENUM_VALUE",
  "enums/enum-shapes.smithy ns.foo#IntEnum$STRING_VALUE EnumShape": "SMITHY_ENUM_VALUE",
  "enums/enum-shapes.smithy ns.foo#StringEnum$DUPLICATE_VALUE EnumShape": "SMITHY_ENUM_VALUE",
  "enums/enum-shapes.smithy ns.foo#StringEnum$EMPTY_STRING EnumShape": "SMITHY_ENUM_VALUE",
  "enums/enum-shapes.smithy ns.foo#StringEnum$INT_VALUE EnumShape": "SMITHY_ENUM_VALUE",
  "enums/enum-value-invalid-type.smithy smithy.example#IntEnum$ARRAY EnumShape": "SMITHY_ENUM_VALUE",
  "enums/enum-value-invalid-type.smithy smithy.example#IntEnum$BOOLEAN EnumShape": "SMITHY_ENUM_VALUE",
  "enums/enum-value-invalid-type.smithy smithy.example#IntEnum$FLOAT EnumShape": "SMITHY_ENUM_VALUE",
  "enums/enum-value-invalid-type.smithy smithy.example#IntEnum$MAP EnumShape": "SMITHY_ENUM_VALUE",
  "enums/enum-value-invalid-type.smithy smithy.example#IntEnum$NULL EnumShape": "SMITHY_ENUM_VALUE",
  // Traits applied where their selectors forbid (the reference reports the same TraitTarget errors).
  "http-binding-trait-ignored.smithy smithy.example#NestedBindings HttpPayload": "SMITHY_TRAIT_TARGET",
  "http-binding-trait-ignored.smithy smithy.example#NestedBindings$string HttpLabelTrait": "SMITHY_TRAIT_TARGET",
  "event-payload-validation.json ns.foo#InvalidEvent2 ExclusiveStructureMemberTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#BadErrorMultipleBindings$foo TraitConflict": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#GInput$a TraitConflict": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#GInput$b TraitConflict": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#GOutput$a TraitConflict": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#GOutput$b TraitConflict": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#JInput ExclusiveStructureMemberTrait": "SMITHY_TRAIT_TARGET",
  "timestampFormat-trait.json ns.foo#Invalid1 TraitValue": "SMITHY_TRAIT_TARGET",
  // A structure trait given a number: the loader's own check (assemble.ts), which stops the model
  // before String4's missing member is judged.
  "custom-trait-validation.json ns.foo#String2 TraitValue": "SMITHY_TRAIT_VALUE",
  "custom-trait-validation.json ns.foo#String4 TraitValue": "SMITHY_TRAIT_VALUE",
  // These three files also apply a binding trait where its selector forbids it (`@httpLabel` on a
  // member that is not required or targets a map, `@hostLabel` on an integer, `@eventPayload` on a
  // boolean): the loader rejects them with SMITHY_TRAIT_TARGET before validation. Our checks give
  // these ERRORs once those traits are fixed (the second test below).
  "event-payload-validation.json ns.foo#InvalidEvent1 EventPayloadTrait": "SMITHY_TRAIT_TARGET",
  "host-request-validator.json ns.foo#A HostLabelTrait": "SMITHY_TRAIT_TARGET",
  "host-request-validator.json ns.foo#B HostLabelTrait": "SMITHY_TRAIT_TARGET",
  "host-request-validator.json ns.foo#D HostLabelTrait": "SMITHY_TRAIT_TARGET",
  "host-request-validator.json ns.foo#H HostLabelTrait": "SMITHY_TRAIT_TARGET",
  "host-request-validator.json ns.foo#J HostLabelTrait": "SMITHY_TRAIT_TARGET",
  "host-request-validator.json ns.foo#K HostLabelTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#A HttpLabelTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#B HttpLabelTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#DInput HttpHeaderTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#DInput$a HttpPrefixHeadersTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#DInput$b HttpPrefixHeadersTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#DOutput HttpHeaderTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#DOutput$a HttpPrefixHeadersTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#DOutput$b HttpPrefixHeadersTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#K HttpUriConflict": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#KInput HttpHeaderTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#KInput HttpQueryTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#L HttpUriConflict": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#NInput$a HttpLabelTrait": "SMITHY_TRAIT_TARGET",
  "http-request-response-validator.smithy ns.foo#PInput$a HttpLabelTrait": "SMITHY_TRAIT_TARGET",
};

/** The shape a diagnostic is about, from its JSON pointer (`/shapes/ns#S/members/a/…` → `ns#S$a`). */
function shapeOf(pointer: string | undefined): string {
  if (pointer === undefined) return "-";
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (parts[0] !== "shapes" || parts[1] === undefined) return "-";
  if (parts[2] === "members" && parts[3] !== undefined) return `${parts[1]}$${parts[3]}`;
  if ((parts[2] === "member" || parts[2] === "key" || parts[2] === "value") && parts.length >= 3) return `${parts[1]}$${parts[2]}`;
  return parts[1];
}

test("validator events: the reference's ERRORs of every checked event id are ours, or listed gaps", () => {
  const ours = new Map(Object.entries(CHECKED).flatMap(([event, codes]) => (typeof codes === "string" ? [codes] : codes).map((code) => [code, event] as const)));
  const expected: string[] = [];
  const reported: string[] = [];
  let files = 0;
  for (const rel of listCorpus(DIR, (r) => /\.(smithy|json)$/.test(r))) {
    let errors: string;
    try {
      errors = readCorpus(rel.replace(/\.(smithy|json)$/, ".errors"));
    } catch {
      continue; // a model without an `.errors` twin (a shared file)
    }
    files++;
    const name = rel.slice(DIR.length + 1);
    for (const line of errors.split("\n")) {
      const m = /^\[ERROR\] (\S+): .*\| ([A-Za-z0-9.]+)\s*$/.exec(line);
      if (m && CHECKED[m[2]!] !== undefined) expected.push(`${name} ${m[1]} ${m[2]}`);
    }
    const diags = new Diagnostics();
    loadSmithyModels({ name: "m", files: [{ path: rel.split("/").pop()!, text: readCorpus(rel) }] }, diags);
    for (const [entry, code] of Object.entries(ELSEWHERE)) {
      if (!entry.startsWith(`${name} `)) continue;
      expect(diags.items.map((d) => d.code), entry).toContain(code);
      reported.push(entry);
    }
    for (const d of diags.items) {
      const event = ours.get(d.code);
      if (event === undefined) continue;
      expect(d.severity, d.message).toBe("error");
      expect(d.hint, d.message).toBeTruthy();
      reported.push(`${name} ${shapeOf(d.pointer)} ${event}`);
    }
  }
  const gaps = Object.values(GAPS).flat();
  const missed = expected.filter((e) => !reported.includes(e));
  const extra = [...new Set(reported)].filter((r) => !expected.includes(r));
  console.log(
    `validator events: ${files} error files; ${expected.length} ERRORs of ${Object.keys(CHECKED).length} checked event ids; ` +
      `${expected.length - missed.length} ours, ${missed.length} not (listed gaps: ${gaps.length}); ${extra.length} ours that the reference does not list`,
  );
  expect(files).toBeGreaterThan(200);
  expect(extra).toEqual([]);
  expect([...missed].sort()).toEqual([...gaps].sort());
});

/**
 * The files of ELSEWHERE whose ERRORs of checked event ids the loader hides behind a
 * SMITHY_TRAIT_TARGET: each with the rejected traits made valid (a required member, a string
 * target), which none of those ERRORs is about.
 */
const FIXED: Readonly<Record<string, (text: string) => string>> = {
  // (http-request-response-validator.smithy is not here: since the selector engine judges every
  // trait target, its other TraitTarget errors, @httpHeader on a map or a structure and @httpError
  // without @error, cannot be made valid without removing the traits whose conflicts the file shows.)
  "host-request-validator.json": (text) =>
    editJson(text, (shapes) => {
      shapes["ns.foo#EInput"]!.members["foo"]!.traits["smithy.api#required"] = {};
      shapes["ns.foo#FInput"]!.members["foo"]!.target = "ns.foo#String";
    }),
  "event-payload-validation.json": (text) =>
    editJson(text, (shapes) => {
      for (const event of ["InvalidEvent2", "InvalidEvent3", "InvalidEvent4"]) shapes[`ns.foo#${event}`]!.members["foo"]!.target = "smithy.api#String";
    }),
};

/** The shapes of a JSON AST, as the edits of FIXED read them (structures with members). */
type Shapes = Record<string, { members: Record<string, { target: string; traits: Record<string, unknown> }> }>;

function editJson(text: string, edit: (shapes: Shapes) => void): string {
  const ast = JSON.parse(text) as { shapes: Shapes };
  edit(ast.shapes);
  return JSON.stringify(ast);
}

test("validator events: with the traits the loader rejects first made valid, the ELSEWHERE ERRORs are ours", () => {
  const ours = new Map(Object.entries(CHECKED).map(([event, code]) => [code, event]));
  for (const [name, fix] of Object.entries(FIXED)) {
    const rel = `${DIR}/${name}`;
    const expected = new Set<string>();
    for (const line of readCorpus(rel.replace(/\.(smithy|json)$/, ".errors")).split("\n")) {
      const m = /^\[ERROR\] (\S+): .*\| ([A-Za-z0-9.]+)\s*$/.exec(line);
      if (m && CHECKED[m[2]!] !== undefined) expected.add(`${m[1]} ${m[2]}`);
    }
    const listed = Object.keys(ELSEWHERE).filter((e) => e.startsWith(`${name} `)).map((e) => e.slice(name.length + 1));
    expect([...expected].sort(), name).toEqual([...new Set(listed)].sort());
    const diags = new Diagnostics();
    loadSmithyModels({ name: "m", files: [{ path: name, text: fix(readCorpus(rel)) }] }, diags);
    expect(diags.items.filter((d) => d.code === "SMITHY_TRAIT_TARGET"), name).toEqual([]);
    const reported = new Set(diags.items.flatMap((d) => (ours.has(d.code) ? [`${shapeOf(d.pointer)} ${ours.get(d.code)!}`] : [])));
    expect([...reported].sort(), name).toEqual([...expected].sort());
  }
});
