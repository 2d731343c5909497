// swagger-client as the oracle of Swagger 2.0 documents: random valid inputs of every operation
// go through the serializer we generate from the 2.0 document (converted to 3.0 inside the
// front end) and through swagger-client's `buildRequest` given the ORIGINAL 2.0 document, which
// swagger-client serializes by its own 2.0 rules (collectionFormat, `in: body`, `in: formData`,
// consumes). Method, path, query, headers and body must agree, or differ only as known.ts lists.
//
//   await runSwagger2(swagger2Files("petstore.yaml"), "petstore", { runs: 10, seed: 1 })
//   → { file: "test/openapi/swagger2/fixtures/petstore.yaml", operations: 7, inputs: 70, identical: 61,
//       explained: { "parameter-default": … }, unexplained: [], skipped: [] }
//
// swagger-client gets its parameters keyed `in.name` (path, query, header, formData), the body
// parameter's value under `body.<name>`, dates as RFC 3339 text, bytes as base64 in JSON and as
// Blobs in multipart forms.

import SwaggerClient from "swagger-client";
import { join } from "node:path";
import { parse } from "yaml";
import { shapeOf, type Operation, type ResolvedModel } from "../../generator/model/ir.js";
import { assignNames } from "../../generator/naming/names.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import type { SourceFile } from "../../generator/frontends.js";
import { generateFiles, load } from "../openapi/helpers.js";
import { writeTree } from "../helpers/generate.js";
import { classify, type Category } from "./known.js";
import { differingParts, normalizeTheirs, ourRequest, operationSites, resolve, undeclaredVariables, validInputs, type Difference, type DocumentResult, type RunOptions, type Site, type Theirs, type WireRequest } from "./oracle.js";

type Fn = (input: unknown) => unknown;
type Runtime = { toDateTime: (d: Date) => string; toBase64: (b: Uint8Array) => string };

export async function runSwagger2(files: readonly SourceFile[], name: string, options: RunOptions): Promise<DocumentResult> {
  const file = files[0]!;
  const doc = parse(file.text) as Record<string, unknown>;
  const { model } = load(files, name);
  if (!model) throw new Error(`${file.path}: the front end rejected it`);
  const generated = await generateFiles(files, name, false);
  const dir = join(writeTree(generated.files, `swagger2-wire-${name}`), name);
  const serializers = (await import(join(dir, "serializers.ts"))) as Record<string, Fn>;
  const validators = (await import(join(dir, "validators.ts"))) as Record<string, Fn>;
  const runtime = (await import(join(dir, "runtime.ts"))) as Runtime;

  const sites = operationSites(doc);
  const names = assignNames(model, new Diagnostics());
  const result = { file: file.path, operations: 0, inputs: 0, identical: 0, explained: new Map<Category, { count: number; example: Difference }>(), unexplained: [] as Difference[], skipped: [] as { operation: string; reason: string }[] };
  for (const op of model.operations) {
    result.operations++;
    const site = sites.get(op.name);
    const serialize = serializers[names.serializer(op.id)];
    const validate = op.input ? validators[names.validator(op.input)] : undefined;
    if (!site || !serialize || !op.input) {
      result.skipped.push({ operation: op.name, reason: !site ? "no site" : !serialize ? "no serializer" : "no input" });
      continue;
    }
    const inputs = validInputs(model, op, validate, options);
    if (inputs.length === 0) {
      result.skipped.push({ operation: op.name, reason: "no valid input generated in 40 tries" });
      continue;
    }
    const spec = miniSpec(doc, site, op.name);
    const parameters = specParameters(spec, site);
    for (const input of inputs) {
      result.inputs++;
      const ours = ourRequest(serialize, input);
      let theirs: WireRequest;
      try {
        theirs = await normalizeTheirs(buildTheirs(spec, parameters, model, op, input, runtime));
      } catch (error) {
        theirs = { method: "ERROR", url: String((error as Error).message), headers: {} };
      }
      const parts = differingParts(ours, theirs);
      if (parts.length === 0) {
        result.identical++;
        continue;
      }
      const difference: Difference = { operation: op.name, input, ours, theirs, parts, template: site.path, undeclared: undeclaredVariables(doc, site), defaults: unsetDefaults(parameters, model, op, input) };
      const category = classify(difference);
      if (category === undefined) result.unexplained.push(difference);
      else {
        const known = result.explained.get(category);
        if (known) known.count++;
        else result.explained.set(category, { count: 1, example: difference });
      }
    }
  }
  return result;
}

/** The 2.0 document cut to one operation, `$ref`s resolved (swagger-client's buildRequest does not resolve). */
function miniSpec(doc: Record<string, unknown>, site: Site, name: string): Record<string, unknown> {
  const operation = resolve(doc, { ...site.operation, operationId: name }, 0) as Record<string, unknown>;
  const pathItem: Record<string, unknown> = { [site.method]: operation };
  if (site.pathItem["parameters"] !== undefined) pathItem["parameters"] = resolve(doc, site.pathItem["parameters"], 0);
  const top = Object.fromEntries(["swagger", "info", "host", "basePath", "schemes", "consumes", "produces"].filter((k) => doc[k] !== undefined).map((k) => [k, doc[k]]));
  return { ...top, paths: { [site.path]: pathItem } };
}

interface Parameter2 {
  readonly name: string;
  readonly in: string;
  readonly default?: unknown;
}

/** The operation's 2.0 parameters, path item's ones overridden by the operation's (same name and `in`). */
function specParameters(spec: Record<string, unknown>, site: Site): Parameter2[] {
  const item = (spec["paths"] as Record<string, Record<string, unknown>>)[site.path]!;
  const operation = item[site.method] as Record<string, unknown>;
  const byKey = new Map<string, Parameter2>();
  for (const list of [item["parameters"], operation["parameters"]]) {
    if (!Array.isArray(list)) continue;
    for (const p of list as Parameter2[]) byKey.set(`${p.in}:${p.name}`, p);
  }
  return [...byKey.values()];
}

function buildTheirs(spec: Record<string, unknown>, params: readonly Parameter2[], model: ResolvedModel, op: Operation, input: unknown, runtime: Runtime): Theirs {
  const shape = shapeOf(model, op.input!);
  if (shape.type !== "structure") throw new Error("input is not a structure");
  const values = input as Record<string, unknown>;
  const form = op.http?.bodyEncoding === "form" || op.http?.bodyEncoding === "multipart";
  const multipart = op.http?.bodyEncoding === "multipart";
  const plain = (v: unknown, bytes: "base64" | "raw" | "blob"): unknown => {
    if (v instanceof Date) return runtime.toDateTime(v);
    if (v instanceof Uint8Array) return bytes === "blob" ? new Blob([v]) : bytes === "raw" ? v : runtime.toBase64(v);
    if (Array.isArray(v)) return v.map((x) => plain(x, bytes));
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, bytes)]));
    return v;
  };
  const bodyParam = params.find((p) => p.in === "body");
  const parameters: Record<string, unknown> = {};
  for (const h of op.http?.constantHeaders ?? []) parameters[`header.${h.name}`] = h.value;
  // A JSON body with properties is an object, however few of them are set (as we send it).
  let body: Record<string, unknown> | undefined = !form && shape.members.some((m) => m.http?.location === "body") ? {} : undefined;
  for (const m of shape.members) {
    const value = values[m.name];
    if (value === undefined) continue;
    const b = m.http ?? { location: "body" as const };
    switch (b.location) {
      case "label":
        parameters[`path.${b.name}`] = plain(value, "base64");
        break;
      case "query":
        parameters[`query.${b.name}`] = plain(value, "base64");
        break;
      case "header":
        parameters[`header.${b.name}`] = plain(value, "base64");
        break;
      case "payload": {
        let payload = plain(value, shapeOf(model, m.target).type === "blob" ? "raw" : "base64");
        // swagger-client takes a string body as text already written: a JSON string is handed over as JSON.
        if (typeof payload === "string" && op.http?.bodyEncoding === "json") payload = JSON.stringify(payload);
        parameters[`body.${bodyParam?.name ?? "body"}`] = payload;
        break;
      }
      case "body":
        if (form) parameters[`formData.${m.jsonName ?? m.name}`] = plain(value, multipart ? "blob" : "base64");
        else body![m.jsonName ?? m.name] = plain(value, "base64");
        break;
      default:
        throw new Error(`unexpected binding ${b.location}`);
    }
  }
  if (body !== undefined) parameters[`body.${bodyParam?.name ?? "body"}`] = body;
  const sending = Object.keys(parameters).some((k) => k.startsWith("body.") || k.startsWith("formData."));
  return SwaggerClient.buildRequest({
    spec,
    operationId: op.name,
    parameters,
    ...(sending && op.http?.contentType !== undefined ? { requestContentType: op.http.contentType } : {}),
  }) as Theirs;
}

/** Parameters with a `default` that the input leaves unset (swagger-client 2.0 fills those in). */
function unsetDefaults(params: readonly Parameter2[], model: ResolvedModel, op: Operation, input: unknown): Record<string, string> {
  const shape = shapeOf(model, op.input!);
  const values = input as Record<string, unknown>;
  const set = new Set(
    shape.type === "structure"
      ? shape.members.filter((m) => values[m.name] !== undefined).map((m) => (m.http && "name" in m.http && typeof m.http.name === "string" ? m.http.name : (m.jsonName ?? m.name)))
      : [],
  );
  const out: Record<string, string> = {};
  for (const p of params) if (p.default !== undefined && !set.has(p.name)) out[p.name] = Array.isArray(p.default) ? p.default.join(",") : String(p.default);
  return out;
}
