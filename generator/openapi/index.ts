// OpenAPI 3.0/3.1 front end: a document (YAML or JSON, split across files) → ResolvedModel.
//
//   loadOpenApi({ name: "pets", files: [{ path: "pets.yaml", text: "openapi: 3.1.0\n..." }] }, host, diags)
//   → ResolvedModel { service: { protocol: "http", ... }, operations, shapes }, or undefined with
//     error diagnostics (syntax, broken `$ref`, unknown type, keyword of the wrong type, ...)
//
// The root document is the input file with a top-level `openapi` key; the other files of the
// input, and any file the host can read, serve relative `$ref`s. A Swagger 2.0 root (`swagger:
// "2.0"`) is converted to 3.0 first (swagger2.ts) and read through Swagger2Documents, so its
// diagnostics name places of the 2.0 document.

import type { Diagnostics } from "../diagnostics.js";
import type { Host, ModelInput } from "../frontends.js";
import type { ResolvedModel } from "../model/ir.js";
import { Documents } from "./documents.js";
import { lowerDocument } from "./model.js";
import { isObject } from "./pointer.js";
import { quoteValue } from "../limits.js";
import { convertSwagger2 } from "./swagger2.js";
import { Swagger2Documents } from "./swagger2-documents.js";

export function loadOpenApi(input: ModelInput, host: Host, diags: Diagnostics): ResolvedModel | undefined {
  const errorsBefore = diags.items.filter((d) => d.severity === "error").length;
  const docs = new Documents(input.files, host, diags);
  const roots = input.files.map((f) => docs.root(f.path)).filter((r) => r !== undefined && isObject(r.value) && ("openapi" in r.value || "swagger" in r.value));
  if (diags.items.filter((d) => d.severity === "error").length > errorsBefore) return undefined;
  const root = roots[0];
  const first = input.files[0];
  if (!root) {
    diags.error("OPENAPI_NO_DOCUMENT", `No OpenAPI document in ${input.files.map((f) => f.path).join(", ") || input.name}: no file has a top-level \`openapi\` or \`swagger\` key`, {
      ...(first ? { file: first.path, line: 1, column: 1 } : {}),
      hint: "An OpenAPI document starts with `openapi: 3.0.3` or `openapi: 3.1.0` (or `swagger: \"2.0\"`).",
    });
    return undefined;
  }
  if (roots.length > 1) {
    diags.error("OPENAPI_SEVERAL_DOCUMENTS", `One model input has several OpenAPI documents: ${roots.map((r) => r!.file).join(", ")}`, {
      file: roots[1]!.file,
      hint: "Put each OpenAPI document in its own model input; shared files need no `openapi` or `swagger` key.",
    });
    return undefined;
  }
  const value = root.value as Record<string, unknown>;
  const version = value["openapi"];
  const swagger = "swagger" in value && !("openapi" in value);
  // YAML reads an unquoted `swagger: 2.0` as the number 2.
  if (swagger && (value["swagger"] === "2.0" || value["swagger"] === 2)) {
    const converted = convertSwagger2(docs, root);
    if (diags.items.filter((d) => d.severity === "error").length > errorsBefore) return undefined;
    const read = new Swagger2Documents(input.files, host, diags, docs, root.file, converted.document, converted.origins);
    const model = lowerDocument(read, read.root(root.file)!, input, false);
    return diags.items.filter((d) => d.severity === "error").length > errorsBefore ? undefined : model;
  }
  if (typeof version !== "string" || !/^3\.[01]\.[0-9]+/.test(version)) {
    docs.report(
      "error",
      "OPENAPI_VERSION",
      swagger
        ? `Swagger ${quoteValue(value["swagger"])} documents are not supported; only Swagger 2.0, OpenAPI 3.0 and 3.1`
        : `Unsupported OpenAPI version ${quoteValue(version)}; only 3.0.x and 3.1.x are supported`,
      { file: root.file, pointer: swagger ? "/swagger" : "/openapi" },
      swagger ? 'Write `swagger: "2.0"` if the document follows Swagger 2.0, or convert it to OpenAPI 3.' : undefined,
    );
    return undefined;
  }
  const model = lowerDocument(docs, root, input, version.startsWith("3.1"));
  const errorsAfter = diags.items.filter((d) => d.severity === "error").length;
  return errorsAfter > errorsBefore ? undefined : model;
}
