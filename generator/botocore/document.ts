// Reads one AWS JSON service description (botocore `service-2.json`, AWS SDK for JavaScript v2
// `*.normal.json`): JSON syntax and the document's structure are checked, with positions.
//
//   readBotocore('{"metadata":{"protocol":"json",...},"operations":{},"shapes":{"S":{"type":"strin"}}}', "x.normal.json", diags)
//   → undefined, with BOTOCORE_STRUCTURE "x.normal.json:1:…: Shape `S` has an unknown type "strin""
//     (pointer /shapes/S/type, hint: the types the format has)
//   readBotocore(<a valid document>, ...) → { file, doc: { metadata, operations, shapes }, at }
//
// Only what the lowering reads is checked: the kinds of the keys it uses, and that every
// `shape` reference names a shape of the document (but an operation's `errors`: the AWS SDK v2
// files leave the exception shapes out, and the lowering drops errors it cannot find). Keys it does not use (`uid`,
// `contextParam`, `staticContextParams`, ...) are ignored, as botocore itself ignores them.

import { getNodeValue, parseTree, type ParseError } from "jsonc-parser";
import { pointer, type Diagnostics } from "../diagnostics.js";
import { jsonLocator, jsonTextLocator, lineColumn, type Locate } from "../source-position.js";
import { jsonTooDeep, TOO_DEEP_HINT, tooDeepMessage } from "../limits.js";

/** `metadata`: what the service is and how it talks. */
export interface BotoMetadata {
  readonly protocol: string;
  readonly protocols?: readonly string[];
  readonly jsonVersion?: string;
  readonly targetPrefix?: string;
  readonly apiVersion?: string;
  readonly serviceId?: string;
  readonly serviceFullName?: string;
  readonly endpointPrefix?: string;
  readonly signatureVersion?: string;
  readonly signingName?: string;
  /** The auth scheme ids in order (`["aws.auth#sigv4"]`); newer files only. */
  readonly auth?: readonly string[];
  readonly xmlNamespace?: string;
  readonly awsQueryCompatible?: unknown;
}

/** A reference to a shape with the member-level keys (`location`, `locationName`, ...). */
export interface BotoRef {
  readonly shape: string;
  readonly documentation?: string;
  readonly location?: "uri" | "querystring" | "header" | "headers" | "statusCode";
  readonly locationName?: string;
  readonly queryName?: string;
  readonly xmlNamespace?: BotoXmlNamespace;
  readonly xmlAttribute?: boolean;
  readonly flattened?: boolean;
  readonly streaming?: boolean;
  readonly idempotencyToken?: boolean;
  readonly jsonvalue?: boolean;
  readonly hostLabel?: boolean;
  readonly box?: boolean;
  readonly deprecated?: boolean;
  readonly deprecatedMessage?: string;
  readonly timestampFormat?: string;
  readonly sensitive?: boolean;
  readonly pattern?: string;
  readonly min?: number;
  readonly max?: number;
  readonly resultWrapper?: string;
}

export type BotoXmlNamespace = string | { readonly uri?: string; readonly prefix?: string };

export interface BotoShape {
  readonly type: string;
  readonly documentation?: string;
  readonly members?: Readonly<Record<string, BotoRef>>;
  readonly required?: readonly string[];
  readonly member?: BotoRef;
  readonly key?: BotoRef;
  readonly value?: BotoRef;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
  readonly deprecatedMessage?: string;
  readonly timestampFormat?: string;
  readonly flattened?: boolean;
  readonly box?: boolean;
  readonly document?: boolean;
  readonly union?: boolean;
  readonly eventstream?: boolean;
  readonly exception?: boolean;
  readonly fault?: boolean;
  readonly error?: { readonly httpStatusCode?: number; readonly code?: string; readonly senderFault?: boolean };
  readonly payload?: string;
  readonly streaming?: boolean;
  readonly locationName?: string;
  readonly xmlNamespace?: BotoXmlNamespace;
}

export interface BotoOperation {
  readonly name?: string;
  readonly http?: { readonly method?: string; readonly requestUri?: string; readonly responseCode?: number };
  readonly input?: BotoRef;
  readonly output?: BotoRef;
  readonly errors?: readonly BotoRef[];
  readonly documentation?: string;
  readonly idempotent?: boolean;
  readonly deprecated?: boolean;
  readonly deprecatedMessage?: string;
  readonly endpoint?: { readonly hostPrefix?: string };
  readonly httpChecksumRequired?: boolean;
  /** Flexible checksums (S3): whether a checksum is required, the member that picks the algorithm. */
  readonly httpChecksum?: { readonly requestChecksumRequired?: boolean; readonly requestAlgorithmMember?: string };
  readonly requestcompression?: { readonly encodings?: readonly string[] };
  /** `none` (unsigned), `v4-unsigned-body` (SigV4 over `UNSIGNED-PAYLOAD`), `v4`, `bearer`, ... */
  readonly authtype?: string;
  /** The auth scheme ids in order; `["smithy.api#noAuth"]` is unsigned. */
  readonly auth?: readonly string[];
  readonly unsignedPayload?: boolean;
}

export interface BotoDocument {
  readonly metadata: BotoMetadata;
  readonly operations: Readonly<Record<string, BotoOperation>>;
  readonly shapes: Readonly<Record<string, BotoShape>>;
  readonly documentation?: string;
}

/** Where a JSON path of the document is, for a diagnostic. */
export type At = (...path: (string | number)[]) => { file: string; pointer: string; line?: number; column?: number };

export interface LoadedBotocore {
  readonly file: string;
  readonly doc: BotoDocument;
  readonly at: At;
}

/** The shape types of the format (botocore's `Shape` types; `character` is a one-character string). */
export const BOTO_SHAPE_TYPES: ReadonlySet<string> = new Set([
  "structure", "list", "map", "string", "character", "boolean", "byte", "short", "integer", "long",
  "float", "double", "bigdecimal", "biginteger", "timestamp", "blob",
]);

const LOCATIONS: ReadonlySet<string> = new Set(["uri", "querystring", "header", "headers", "statusCode"]);

export function readBotocore(text: string, file: string, diags: Diagnostics, json?: unknown): LoadedBotocore | undefined {
  const deep = jsonTooDeep(text);
  if (deep) {
    diags.error("MODEL_TOO_DEEP", tooDeepMessage("This JSON"), { file, ...lineColumn(text, deep.offset), hint: TOO_DEEP_HINT });
    return undefined;
  }
  let value = json;
  // Already parsed (valid JSON): positions come from a scan of the text, only when asked for.
  let locate: Locate | undefined;
  const locator = (): Locate => (locate ??= jsonTextLocator(text));
  if (value === undefined) {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    if (errors.length > 0 || !root) {
      const offset = errors[0]?.offset ?? 0;
      diags.error("JSON_SYNTAX", "Invalid JSON in this AWS service description", {
        file,
        ...lineColumn(text, Math.min(offset, text.length)),
        hint: "Fix the JSON syntax at this position.",
      });
      return undefined;
    }
    locate = jsonLocator(text, root);
    value = getNodeValue(root) as unknown;
  }
  const at: At = (...path) => ({ file, pointer: pointer(...path), ...locator()(path) });
  return checkDocument(value, at, diags) ? { file, doc: value as BotoDocument, at } : undefined;
}

function checkDocument(value: unknown, at: At, diags: Diagnostics): boolean {
  let ok = true;
  const fail = (message: string, hint: string, ...path: (string | number)[]) => {
    ok = false;
    diags.error("BOTOCORE_STRUCTURE", message, { ...at(...path), hint });
  };
  if (!isObject(value)) {
    fail("An AWS service description must be a JSON object", 'Write {"metadata": {...}, "operations": {...}, "shapes": {...}}.');
    return false;
  }
  const metadata = value["metadata"];
  if (!isObject(metadata)) fail("`metadata` must be an object", 'Write "metadata": {"protocol": "json", "apiVersion": "2020-01-01", ...}.', "metadata");
  else {
    if (typeof metadata["protocol"] !== "string") fail("`metadata.protocol` must be a string", 'Use one of "json", "rest-json", "query", "ec2", "rest-xml".', "metadata", "protocol");
    for (const key of ["jsonVersion", "targetPrefix", "apiVersion", "serviceId", "serviceFullName", "endpointPrefix", "signatureVersion", "signingName", "xmlNamespace"]) {
      if (metadata[key] !== undefined && typeof metadata[key] !== "string") fail(`\`metadata.${key}\` must be a string`, "Write it as a JSON string.", "metadata", key);
    }
    const auth = metadata["auth"];
    if (auth !== undefined && (!Array.isArray(auth) || auth.some((a) => typeof a !== "string"))) {
      fail("`metadata.auth` must be a list of strings", 'Write "auth": ["aws.auth#sigv4"].', "metadata", "auth");
    }
    const protocols = metadata["protocols"];
    if (protocols !== undefined && (!Array.isArray(protocols) || protocols.some((p) => typeof p !== "string"))) {
      fail("`metadata.protocols` must be a list of strings", 'Write "protocols": ["json"].', "metadata", "protocols");
    }
  }
  const shapes = value["shapes"];
  const operations = value["operations"];
  if (!isObject(shapes)) fail("`shapes` must be an object of shape name → shape", 'Write "shapes": {"Name": {"type": "string"}}.', "shapes");
  if (!isObject(operations)) fail("`operations` must be an object of operation name → operation", 'Write "operations": {"Op": {"http": {...}, "input": {"shape": "OpRequest"}}}.', "operations");
  if (!isObject(shapes) || !isObject(operations)) return false;

  const checkRef = (ref: unknown, what: string, ...path: (string | number)[]) => {
    if (!isObject(ref) || typeof ref["shape"] !== "string") {
      fail(`${what} needs a "shape" naming a shape of the document`, 'Write {"shape": "Name"}.', ...path);
      return;
    }
    // The AWS SDK v2 files leave the error shapes out: an operation's error may name none.
    if (!Object.hasOwn(shapes, ref["shape"]) && path[2] !== "errors") {
      fail(`${what} refers to the shape \`${ref["shape"]}\`, which the document does not define`, "Define the shape under `shapes`, or fix the name.", ...path, "shape");
    }
    const location = ref["location"];
    if (location !== undefined && (typeof location !== "string" || !LOCATIONS.has(location))) {
      fail(`${what} has an unknown location ${JSON.stringify(location)}`, `Use one of: ${[...LOCATIONS].join(", ")}.`, ...path, "location");
    }
    for (const key of ["locationName", "queryName", "documentation", "pattern", "timestampFormat", "deprecatedMessage"]) {
      if (ref[key] !== undefined && typeof ref[key] !== "string") fail(`\`${key}\` of ${what} must be a string`, "Write it as a JSON string.", ...path, key);
    }
    for (const key of ["min", "max"]) {
      if (ref[key] !== undefined && typeof ref[key] !== "number") fail(`\`${key}\` of ${what} must be a number`, "Write it as a JSON number.", ...path, key);
    }
  };

  for (const [name, shape] of Object.entries(shapes)) {
    if (!isObject(shape) || typeof shape["type"] !== "string") {
      fail(`Shape \`${name}\` needs a "type"`, 'Add "type": "structure" (or string, list, map, ...).', "shapes", name);
      continue;
    }
    const type = shape["type"];
    if (!BOTO_SHAPE_TYPES.has(type)) {
      fail(`Shape \`${name}\` has an unknown type ${JSON.stringify(type)}`, `Use one of: ${[...BOTO_SHAPE_TYPES].join(", ")}.`, "shapes", name, "type");
      continue;
    }
    for (const key of ["min", "max"]) {
      if (shape[key] !== undefined && typeof shape[key] !== "number") fail(`\`${key}\` of shape \`${name}\` must be a number`, "Write it as a JSON number.", "shapes", name, key);
    }
    for (const key of ["pattern", "documentation", "timestampFormat", "payload", "deprecatedMessage", "locationName"]) {
      if (shape[key] !== undefined && typeof shape[key] !== "string") fail(`\`${key}\` of shape \`${name}\` must be a string`, "Write it as a JSON string.", "shapes", name, key);
    }
    const values = shape["enum"];
    if (values !== undefined && (!Array.isArray(values) || values.some((v) => typeof v !== "string"))) {
      fail(`\`enum\` of shape \`${name}\` must be a list of strings`, 'Write "enum": ["A", "B"].', "shapes", name, "enum");
    }
    if (type === "list") checkRef(shape["member"], `The member of list \`${name}\``, "shapes", name, "member");
    if (type === "map") {
      checkRef(shape["key"], `The key of map \`${name}\``, "shapes", name, "key");
      checkRef(shape["value"], `The value of map \`${name}\``, "shapes", name, "value");
    }
    if (type === "structure") {
      const members = shape["members"] ?? {};
      if (!isObject(members)) {
        fail(`The members of \`${name}\` must be an object`, 'Write "members": {"Name": {"shape": "String"}}.', "shapes", name, "members");
        continue;
      }
      for (const [m, ref] of Object.entries(members)) checkRef(ref, `Member \`${name}.${m}\``, "shapes", name, "members", m);
      const required = shape["required"];
      if (required !== undefined && (!Array.isArray(required) || required.some((r) => typeof r !== "string"))) {
        fail(`\`required\` of \`${name}\` must be a list of member names`, 'Write "required": ["Name"].', "shapes", name, "required");
      } else {
        (required ?? []).forEach((r, i) => {
          if (!Object.hasOwn(members, r as string)) fail(`\`${name}\` requires the member \`${String(r)}\`, which it does not have`, "Remove it from `required`, or add the member.", "shapes", name, "required", i);
        });
      }
      const payload = shape["payload"];
      if (typeof payload === "string" && !Object.hasOwn(members, payload)) {
        fail(`The payload of \`${name}\` is \`${payload}\`, which is not one of its members`, "Name one of the structure's members.", "shapes", name, "payload");
      }
    }
  }

  for (const [name, op] of Object.entries(operations)) {
    if (!isObject(op)) {
      fail(`Operation \`${name}\` must be an object`, 'Write {"http": {"method": "POST", "requestUri": "/"}, "input": {"shape": "..."}}.', "operations", name);
      continue;
    }
    const http = op["http"];
    if (http !== undefined) {
      if (!isObject(http)) fail(`The \`http\` of operation \`${name}\` must be an object`, 'Write "http": {"method": "POST", "requestUri": "/"}.', "operations", name, "http");
      else {
        if (http["method"] !== undefined && typeof http["method"] !== "string") fail(`\`http.method\` of \`${name}\` must be a string`, 'Write "method": "POST".', "operations", name, "http", "method");
        if (http["requestUri"] !== undefined && typeof http["requestUri"] !== "string") fail(`\`http.requestUri\` of \`${name}\` must be a string`, 'Write "requestUri": "/things/{Id}".', "operations", name, "http", "requestUri");
        if (http["responseCode"] !== undefined && typeof http["responseCode"] !== "number") fail(`\`http.responseCode\` of \`${name}\` must be a number`, 'Write "responseCode": 200.', "operations", name, "http", "responseCode");
      }
    }
    for (const key of ["input", "output"]) {
      if (op[key] === undefined) continue;
      checkRef(op[key], `The ${key} of operation \`${name}\``, "operations", name, key);
      const ref = op[key];
      const target = isObject(ref) && typeof ref["shape"] === "string" ? shapes[ref["shape"]] : undefined;
      if (isObject(target) && target["type"] !== "structure") {
        fail(`The ${key} of operation \`${name}\` must be a structure, not a ${String(target["type"])}`, "Point it at a structure shape.", "operations", name, key, "shape");
      }
    }
    const errors = op["errors"];
    if (errors !== undefined) {
      if (!Array.isArray(errors)) fail(`\`errors\` of operation \`${name}\` must be a list`, 'Write "errors": [{"shape": "NotFound"}].', "operations", name, "errors");
      else errors.forEach((e, i) => checkRef(e, `Error ${i} of operation \`${name}\``, "operations", name, "errors", i));
    }
    if (op["authtype"] !== undefined && typeof op["authtype"] !== "string") fail(`\`authtype\` of operation \`${name}\` must be a string`, 'Write "authtype": "none".', "operations", name, "authtype");
    const auth = op["auth"];
    if (auth !== undefined && (!Array.isArray(auth) || auth.some((a) => typeof a !== "string"))) {
      fail(`\`auth\` of operation \`${name}\` must be a list of strings`, 'Write "auth": ["smithy.api#noAuth"].', "operations", name, "auth");
    }
    if (op["unsignedPayload"] !== undefined && typeof op["unsignedPayload"] !== "boolean") fail(`\`unsignedPayload\` of operation \`${name}\` must be true or false`, 'Write "unsignedPayload": true.', "operations", name, "unsignedPayload");
    const endpoint = op["endpoint"];
    if (endpoint !== undefined && (!isObject(endpoint) || typeof endpoint["hostPrefix"] !== "string")) {
      fail(`\`endpoint\` of operation \`${name}\` needs a "hostPrefix" string`, 'Write "endpoint": {"hostPrefix": "data."}.', "operations", name, "endpoint");
    }
  }
  return ok;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
