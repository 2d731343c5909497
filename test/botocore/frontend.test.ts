// The AWS JSON service description front end (generator/botocore/): detection by content, the
// lowering of each key into the resolved model, and clear diagnostics for broken documents.

import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadModels } from "../../generator/frontends.js";
import { jsonFormat } from "../../generator/detect.js";
import type { ResolvedModel } from "../../generator/model/ir.js";

const host = { readFile: () => undefined };

function load(doc: unknown, path = "svc.normal.json"): { models: ResolvedModel[]; diags: Diagnostics } {
  const diags = new Diagnostics();
  const text = JSON.stringify(doc, null, 2);
  const models = loadModels([{ name: "svc", files: [{ path, text }] }], host, diags);
  return { models, diags };
}

const REST_JSON = {
  version: "2.0",
  metadata: { protocol: "rest-json", apiVersion: "2020-01-01", serviceId: "Thing Store", endpointPrefix: "things", jsonVersion: "1.1" },
  operations: {
    PutThing: {
      name: "PutThing",
      http: { method: "PUT", requestUri: "/things/{id}/{Path+}?mode=full", responseCode: 201 },
      input: { shape: "PutThingRequest" },
      errors: [{ shape: "Gone" }, { shape: "NotInThisFile" }],
      endpoint: { hostPrefix: "{Account}." },
      idempotent: true,
      httpChecksumRequired: true,
      httpChecksum: { requestAlgorithmMember: "Algorithm", requestChecksumRequired: true, responseAlgorithms: ["CRC32"] },
      deprecated: true,
      deprecatedMessage: "Use PutThing2.",
      documentation: "<p>Stores a <code>Thing</code>.</p>",
    },
  },
  shapes: {
    PutThingRequest: {
      type: "structure",
      required: ["Id", "Account"],
      payload: "Body",
      members: {
        Id: { shape: "Name", location: "uri", locationName: "id" },
        Path: { shape: "Name", location: "uri", locationName: "Path" },
        Account: { shape: "Name", location: "header", locationName: "x-account", hostLabel: true },
        Tags: { shape: "TagMap", location: "headers", locationName: "x-tag-" },
        Filters: { shape: "TagMap", location: "querystring" },
        Limit: { shape: "Count", location: "querystring", locationName: "limit" },
        Token: { shape: "Name", idempotencyToken: true },
        Body: { shape: "Payload" },
      },
    },
    Payload: { type: "structure", members: { Size: { shape: "Count" }, Weight: { shape: "Weight", box: true }, When: { shape: "When", locationName: "when" } } },
    Name: { type: "string", min: 1, max: 10, pattern: "^[a-z]+$", sensitive: true },
    Count: { type: "integer", min: 0, max: 100 },
    Weight: { type: "double" },
    When: { type: "timestamp", timestampFormat: "iso8601" },
    TagMap: { type: "map", key: { shape: "Name" }, value: { shape: "Mode" }, max: 5 },
    Mode: { type: "string", enum: ["full", "dryRun"] },
    Gone: { type: "structure", members: {}, exception: true, error: { httpStatusCode: 410, senderFault: true } },
  },
};

describe("AWS JSON service descriptions (botocore)", () => {
  it("are detected by metadata.protocol beside operations and shapes", () => {
    expect(jsonFormat(REST_JSON)).toBe("botocore");
    expect(jsonFormat({ metadata: { protocol: "json" }, shapes: {} })).toBeUndefined();
    expect(jsonFormat({ metadata: {}, operations: {}, shapes: {} })).toBeUndefined();
    expect(jsonFormat({ smithy: "2.0", metadata: { protocol: "json" }, operations: {}, shapes: {} })).toBe("smithy");
  });

  it("lower every key into the resolved model, as the Smithy traits they stand for", () => {
    const { models, diags } = load(REST_JSON);
    expect(diags.items).toEqual([]);
    const ns = "com.amazonaws.thingstore";
    const model = models[0]!;
    expect(model.service).toEqual({
      id: `${ns}#ThingStore`,
      name: "ThingStore",
      version: "2020-01-01",
      protocols: [{ id: "aws.protocols#restJson1", value: {} }],
      sdkId: "Thing Store",
      endpointPrefix: "things",
    });
    expect(model.operations).toEqual([
      {
        id: `${ns}#PutThing`,
        name: "PutThing",
        input: `${ns}#PutThingRequest`,
        errors: [`${ns}#Gone`],
        docs: { text: "<p>Stores a <code>Thing</code>.</p>", format: "html" },
        deprecated: { message: "Use PutThing2." },
        http: { method: "PUT", uri: "/things/{id}/{Path+}?mode=full", code: 201 },
        endpoint: { hostPrefix: "{Account}." },
        httpChecksumRequired: true,
        httpChecksum: { requestChecksumRequired: true, requestAlgorithmMember: "Algorithm" },
        idempotent: true,
      },
    ]);
    expect([...model.shapes.keys()]).toEqual(["Count", "Gone", "Mode", "Name", "Payload", "PutThingRequest", "TagMap", "Weight", "When"].map((n) => `${ns}#${n}`));
    const shape = (n: string) => model.shapes.get(`${ns}#${n}`);
    const common = (n: string) => ({ id: `${ns}#${n}`, name: n, sensitive: false });
    expect(shape("PutThingRequest")).toEqual({
      ...common("PutThingRequest"),
      type: "structure",
      constraints: {},
      members: [
        { name: "Id", target: `${ns}#Name`, required: true, constraints: {}, http: { location: "label", name: "id" } },
        { name: "Path", target: `${ns}#Name`, required: false, constraints: {}, http: { location: "label", name: "Path" } },
        { name: "Account", target: `${ns}#Name`, required: true, constraints: {}, http: { location: "header", name: "x-account" }, hostLabel: true },
        { name: "Tags", target: `${ns}#TagMap`, required: false, constraints: {}, http: { location: "prefixHeaders", prefix: "x-tag-" } },
        { name: "Filters", target: `${ns}#TagMap`, required: false, constraints: {}, http: { location: "queryParams" } },
        { name: "Limit", target: `${ns}#Count`, required: false, constraints: {}, http: { location: "query", name: "limit" } },
        { name: "Token", target: `${ns}#Name`, required: false, constraints: {}, idempotencyToken: true },
        { name: "Body", target: `${ns}#Payload`, required: false, constraints: {}, http: { location: "payload" } },
      ],
    });
    expect(shape("Payload")).toEqual({
      ...common("Payload"),
      type: "structure",
      constraints: {},
      members: [
        { name: "Size", target: `${ns}#Count`, required: false, constraints: {} },
        { name: "Weight", target: `${ns}#Weight`, required: false, constraints: {} },
        { name: "When", target: `${ns}#When`, required: false, constraints: {}, jsonName: "when" },
      ],
    });
    expect(shape("Name")).toEqual({ ...common("Name"), sensitive: true, type: "string", constraints: { length: { min: 1, max: 10 }, pattern: "^[a-z]+$" } });
    expect(shape("Count")).toEqual({ ...common("Count"), type: "number", kind: "integer", constraints: { range: { min: 0, max: 100 } } });
    expect(shape("When")).toEqual({ ...common("When"), type: "timestamp", format: "date-time", constraints: {} });
    expect(shape("TagMap")).toEqual({ ...common("TagMap"), type: "map", key: { target: `${ns}#Name` }, value: { target: `${ns}#Mode` }, constraints: { length: { max: 5 } } });
    expect(shape("Mode")).toEqual({
      ...common("Mode"),
      type: "enum",
      constraints: {},
      values: [
        { name: "FULL", value: "full" },
        { name: "DRY_RUN", value: "dryRun" },
      ],
    });
    expect(shape("Gone")).toEqual({ ...common("Gone"), type: "structure", constraints: {}, members: [], error: "client", httpError: 410 });
  });

  it("map locationName by protocol: XML names in query, ec2 names from queryName, the JSON target prefix", () => {
    const doc = (protocol: string) => ({
      metadata: { protocol, apiVersion: "2020-01-01", serviceId: "S", jsonVersion: "1.0", targetPrefix: "S_20200101", xmlNamespace: "https://s/doc/" },
      operations: { Op: { http: { method: "POST", requestUri: "/" }, input: { shape: "In" } } },
      shapes: {
        In: { type: "structure", members: { A: { shape: "L", locationName: "aName", queryName: "AQuery" }, B: { shape: "L", flattened: true } } },
        L: { type: "list", member: { shape: "Str", locationName: "item" }, flattened: true },
        Str: { type: "string" },
      },
    });
    const members = (protocol: string) => {
      const { models, diags } = load(doc(protocol));
      expect(diags.items).toEqual([]);
      const m = models[0]!;
      return { service: m.service, op: m.operations[0], input: m.shapes.get("com.amazonaws.s#In"), list: m.shapes.get("com.amazonaws.s#L") };
    };
    const query = members("query");
    expect(query.service.protocols).toEqual([{ id: "aws.protocols#awsQuery", value: {} }]);
    expect(query.service.xml).toEqual({ namespace: { uri: "https://s/doc/" } });
    expect(query.op!.http).toBeUndefined();
    expect(query.input).toMatchObject({
      members: [
        // A flattened list's items are named after the list member's locationName in awsQuery.
        { name: "A", xml: { name: "item", flattened: true }, ec2QueryName: "AQuery" },
        { name: "B", xml: { name: "item", flattened: true } },
      ],
    });
    expect(query.list).toMatchObject({ member: { target: "com.amazonaws.s#Str", xml: { name: "item" } } });
    const ec2 = members("ec2");
    expect(ec2.service.protocols).toEqual([{ id: "aws.protocols#ec2Query", value: {} }]);
    expect(ec2.input).toMatchObject({ members: [{ name: "A", xml: { name: "aName", flattened: true }, ec2QueryName: "AQuery" }, { name: "B" }] });
    const json = members("json");
    expect(json.service).toMatchObject({ name: "S_20200101", targetPrefix: "S_20200101", protocols: [{ id: "aws.protocols#awsJson1_0", value: {} }] });
    expect(json.input).toMatchObject({ members: [{ name: "A", jsonName: "aName", xml: { flattened: true } }, { name: "B" }] });
  });

  it("report a broken document where it is broken, and generate nothing", () => {
    const broken = structuredClone(REST_JSON) as unknown as { shapes: Record<string, Record<string, unknown>> };
    broken.shapes["Count"]!["type"] = "int";
    (broken.shapes["Payload"]!["members"] as Record<string, unknown>)["Extra"] = { shape: "Missing" };
    const { models, diags } = load(broken);
    expect(models).toEqual([]);
    expect(diags.items.map((d) => [d.code, d.pointer, d.message])).toEqual([
      ["BOTOCORE_STRUCTURE", "/shapes/Payload/members/Extra/shape", "Member `Payload.Extra` refers to the shape `Missing`, which the document does not define"],
      ["BOTOCORE_STRUCTURE", "/shapes/Count/type", 'Shape `Count` has an unknown type "int"'],
    ]);
    expect(diags.items.every((d) => d.line !== undefined && d.column !== undefined && d.hint !== undefined)).toBe(true);
  });
});
