// Violations Prism 5.12 (prism-http) reports that are not a fault of our serializer to fix here,
// each of one kind:
// - "prism": Prism is wrong; the entry says what it does, with the place in its code, and the
//   specification section it goes against;
// - "input": our random input breaks a rule of the document that the resolved model does not
//   carry (so neither our validator nor test/openapi-wire/arbitraries.ts knows it), e.g. `format`;
// - "ours": a fault of ours found here and reported to the maintainers, not fixed in this folder;
// - "document": the document contradicts itself, so that no request can be valid there (an
//   array's `enum` of item values, a string's `enum` of numbers, `allOf` of a string and null).
// A listed violation is counted apart, by kind; any other one fails the run. Matchers are narrow
// (the violation's code and place and the request's shape), so that a real fault of ours that
// happens to look alike is not swallowed.
//
//   knownReason(KNOWN, { document: "rev.ai", operation: "GetCaptions", violation: { location: ["header", "accept"], code: "enum", … }, … })
//   → "accept-header-parameter"

import type { Finding } from "./run.js";

export interface Known {
  readonly name: string;
  readonly kind: "prism" | "input" | "ours" | "document";
  /** Why Prism is wrong here, with the specification section. */
  readonly reason: string;
  readonly matches: (finding: Finding) => boolean;
}

const header = (f: Finding, name: string): string | undefined => Object.entries(f.request.headers).find(([k]) => k.toLowerCase() === name)?.[1];
const pathOf = (f: Finding) => f.request.url.replace(/\?.*$/, "");
const crashIn = (f: Finding, where: RegExp) => f.violation.location[0] === "prism" && f.violation.code === "crash" && where.test(f.violation.message);

export const KNOWN: readonly Known[] = [
  {
    name: "accept-header-parameter",
    kind: "prism",
    reason:
      "Prism validates a header parameter named Accept (rev.ai's GetCaptions lists the caption types as its enum); OpenAPI 3.0.3 §Parameter Object `name`: if `in` is header and the name is Accept, Content-Type or Authorization, the parameter definition SHALL be ignored. We ignore it (the caller sets Accept), fetch sends `accept: */*`",
    matches: (f) => f.violation.location[0] === "header" && f.violation.location[1] === "accept",
  },
  {
    name: "content-type-header-parameter",
    kind: "prism",
    reason:
      "Prism requires a header parameter named Content-Type on requests without a body (vtex declares it on every operation); OpenAPI 3.0.3 §Parameter Object `name`: such a definition SHALL be ignored; the Content-Type of a request with a body comes from its requestBody media type",
    matches: (f) => f.violation.location[0] === "header" && f.violation.code === "required" && /'content-type'/.test(f.violation.message) && f.request.body === undefined,
  },
  {
    name: "path-value-with-commas",
    kind: "prism",
    reason:
      "Prism extracts path parameters with an RFC 6570 `{name}` template matcher (uri-template-lite, prism-http validator/index.js getPathParams), which turns a value with commas into a list; its simple, label and matrix deserializers then call string methods on it and throw, and the request is never answered. Commas are how OpenAPI 3.0.3 §Style Values writes path arrays and objects: simple `blue,black,brown` / `R,100,G,200,B,150`, label `.blue,black,brown`, matrix `;color=blue,black,brown`",
    matches: (f) => crashIn(f, /deserializers\/style\/(simple|label|matrix)\.js/) && pathOf(f).includes(","),
  },
  {
    name: "absent-object-header",
    kind: "prism",
    reason:
      "Prism deserializes a header parameter whose schema is an object even when the request does not send it (params.yaml's optional X-Obj): simple.js deserializeImplodeObject calls split on undefined and throws, and the request is never answered; OpenAPI 3.0.3 §Parameter Object `required` is false by default: an optional header may be absent",
    matches: (f) => crashIn(f, /reading 'split'\)[^]*deserializeImplodeObject[^]*deserializers\/style\/simple\.js/) && !pathOf(f).includes(","),
  },
  {
    name: "label-explode-object",
    kind: "prism",
    reason:
      "Prism splits an exploded label-style object at commas (label.js deserializeImplodeObject), so `.R=1.G=2.B=3` reads as { R: \"1.G=2.B=3\" }; OpenAPI 3.0.3 §Style Examples: label, explode true, object is `.R=100.G=200.B=150`",
    matches: (f) => f.violation.location[0] === "path" && f.violation.location.length === 3 && /\/\.[^/=.]+=[^/]*\.[^/=.]+=/.test(pathOf(f)),
  },
  {
    name: "form-array-without-encoding",
    kind: "prism",
    reason:
      "Prism reads a URL-encoded body into one value per name (body.js splitUriParams keeps the last of repeated names) and rebuilds arrays only for properties with an Encoding Object that sets `style`; OpenAPI 3.0.3 §Encoding Object: without one, `style` defaults to form and `explode` to true, so an array property is the name repeated, once per item",
    matches: (f) =>
      f.violation.location[0] === "body" && f.violation.code === "type" && /must be array$/.test(f.violation.message) && (header(f, "content-type") ?? "").startsWith("application/x-www-form-urlencoded"),
  },
  {
    name: "json-media-type-not-json",
    kind: "prism",
    reason:
      "Prism's server parses a request body as JSON only for application/json and application/*+json (prism-http-server parseRequestBody) and validates any other body as a string; our Cognito document's application/x-amz-json-1.1 is JSON (AWS's JSON protocol 1.1), and OpenAPI 3.1 §Media Type Object leaves a media type's meaning to its own definition",
    matches: (f) =>
      f.violation.location.length === 1 && f.violation.location[0] === "body" && f.violation.code === "type" && /^application\/x-amz-json-1\.[01]$/.test(header(f, "content-type") ?? ""),
  },
  {
    name: "empty-header-value",
    kind: "prism",
    reason:
      "Prism drops parameters whose value is the empty string (prism-http validators/params.js keeps values with lodash pickBy, which drops falsy ones; Node trims a header of spaces to \"\") and then reports a required header as missing; RFC 9110 §5.5 allows an empty field value, and the parameter's schema accepts \"\" (a string without minLength). Empty query values are not sent at all: OpenAPI's allowEmptyValue defaults to false",
    matches: (f) => {
      const m = /^Request header must have required property '(.+)'$/.exec(f.violation.message);
      return f.violation.location[0] === "header" && f.violation.code === "required" && m !== null && header(f, m[1]!)?.trim() === "";
    },
  },
  {
    name: "multipart-arrays-and-objects",
    kind: "prism",
    reason:
      "Prism reads a multipart/form-data body into one string per part name (body.js parseMultipartFormDataParams keeps the last part of a name and never parses a part): an array property (one part per item) and an object property (one part of JSON) fail their schema; OpenAPI 3.0.3 §Special Considerations for multipart Content and §Encoding Object `contentType`: an object property's default part type is application/json, and an array of files is sent as several parts of the same name",
    matches: (f) =>
      f.violation.location[0] === "body" && f.violation.location.length === 2 && f.violation.code === "type" && /must be (array|object)$/.test(f.violation.message) && (header(f, "content-type") ?? "").startsWith("multipart/form-data"),
  },
  {
    name: "form-delimiter-reserved",
    kind: "prism",
    reason:
      "Prism rejects a URL-encoded body property with `allowReserved: false` whose encoded text holds a reserved character (body.js validateAgainstReservedCharacters), counting the comma that separates the items of a form-style, explode false array (`csv=a,b`); OpenAPI 3.0.3 §Encoding Object `allowReserved` is about characters of the values (ours are percent-encoded, `%2C`), and §Style Values writes form arrays as `color=blue,black,brown`",
    matches: (f) => f.violation.location[0] === "body" && /^Reserved characters used in request body$/.test(f.violation.message) && (header(f, "content-type") ?? "").startsWith("application/x-www-form-urlencoded"),
  },
  {
    name: "delimited-object",
    kind: "prism",
    reason:
      "Prism throws on a spaceDelimited or pipeDelimited query parameter whose schema is an object (delimited.js: \"only applicable to array parameter\"), and the request is never answered; OpenAPI 3.0.3 §Style Values lists both styles for `array, object` (3.1 the same)",
    matches: (f) => crashIn(f, /delimited style is only applicable to array parameter/),
  },
  {
    name: "xml-body-not-parsed",
    kind: "prism",
    reason:
      "Prism validates an XML request body as the text it is against the schema (body.js validates anything not JSON, form or multipart as is), so any object schema fails; OpenAPI 3.0.3 §XML Object describes how that schema maps to XML, which Prism does not read",
    matches: (f) => f.violation.location.length === 1 && f.violation.location[0] === "body" && f.violation.code === "type" && /(^|\/|\+)xml$/.test(header(f, "content-type") ?? ""),
  },
  {
    name: "double-slash-path",
    kind: "prism",
    reason:
      "Prism's server reads the request target with `new URL(url, base)`, which takes a path starting with `//` (Clever Cloud's `//openapi`) for an authority, a network-path reference (RFC 3986 §4.2), and routes `/`; a request target in origin form is an absolute path (RFC 9112 §3.2.1), which may begin with an empty segment",
    matches: (f) => f.violation.location[0] === "route" && f.request.url.startsWith("//"),
  },
  {
    name: "numeric-text-in-oneOf",
    kind: "prism",
    reason:
      "Prism coerces a parameter's text to each alternative of a oneOf (ajv coerceTypes), so GitHub's workflow_id `oneOf: [integer, string]` sent as `1000` matches both and fails \"exactly one\"; a path parameter is text (OpenAPI 3.0.3 §Parameter Object, style simple), and `1000` is a valid value of either alternative",
    matches: (f) => f.violation.code === "oneOf" && (f.violation.location[0] === "path" || f.violation.location[0] === "query") && f.violation.location.length === 2,
  },
  {
    name: "json-null-body",
    kind: "prism",
    reason:
      "Prism takes a JSON body `null` for no body at all and reports the required requestBody missing (GitHub gists/update: its schema is `nullable: true`); the request carries a body (Content-Length 4), and OpenAPI 3.0.3 §Schema Object `nullable` allows null",
    matches: (f) => f.violation.code === "required" && /^Body parameter is required$/.test(f.violation.message) && f.request.body === "null",
  },
  {
    name: "format-not-in-model",
    kind: "input",
    reason:
      "The document gives a string a `format` (uri, email, date, hostname, ...) and our random string does not have it: the resolved model keeps no `format` (generator/model/ir.ts Constraints), so our validator accepts any string and the arbitraries draw any string. The serializer sends the value it was given",
    matches: (f) => f.violation.code === "format",
  },
];

const allowedValues = (f: Finding): string[] | undefined => /must be equal to one of the allowed values: (.*)$/.exec(f.violation.message)?.[1]!.split(", ");
/** The values the request sent for a query parameter (names compared as Prism does, ignoring case; comma lists split). */
const queryValues = (f: Finding, name: string): string[] =>
  [...new URLSearchParams(f.request.url.replace(/^[^?]*\??/, ""))].filter(([k]) => k.toLowerCase() === name.toLowerCase()).flatMap(([, v]) => v.split(","));
/** The JSON body's value at the violation's place (`body.a.0.b`), if the body is JSON and has one. */
const bodyValue = (f: Finding): unknown => {
  if (f.violation.location[0] !== "body" || f.request.body === undefined) return undefined;
  try {
    let v: unknown = JSON.parse(f.request.body);
    for (const k of f.violation.location.slice(1)) v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[k] : undefined;
    return v;
  } catch {
    return undefined;
  }
};
const last = (f: Finding) => f.violation.location[f.violation.location.length - 1];

/**
 * Violations of corpus documents outside documents.ts, found by the corpus sweep (`npm run
 * test:prism-corpus`, corpus.ts) and kept apart from KNOWN: `npm run test:prism` requires each
 * entry of KNOWN to happen in its documents. Where a matcher names documents and places, it is
 * because the fault is the document's at those places only (our front end warns there:
 * OPENAPI_ENUM_TYPE, OPENAPI_PATH_QUERY_TEMPLATE, OPENAPI_PATH_FRAGMENT).
 */
export const CORPUS_KNOWN: readonly Known[] = [
  {
    name: "authorization-header-parameter",
    kind: "prism",
    reason:
      "Prism requires a header parameter named Authorization (NPR's station finder, Zuora: `in: header, name: Authorization, required: true`); OpenAPI 3.0.3 §Parameter Object `name`: if `in` is header and the name is Accept, Content-Type or Authorization, the parameter definition SHALL be ignored. We ignore it: credentials come from the security schemes (the client), not from the serializer",
    matches: (f) => f.violation.location[0] === "header" && f.violation.code === "required" && /'authorization'$/.test(f.violation.message) && header(f, "authorization") === undefined,
  },
  {
    name: "path-key-not-a-path",
    kind: "document",
    reason:
      "The document's path keys carry a query (Medium's `/search/articles?query={query}`) or a fragment (Azure Data Lake's `/webhdfs/v1/{path}#op=APPEND`): OpenAPI 3.0.3 §Paths Object `/{path}` is a relative path, and a path (RFC 3986 §3.3) ends before `?` and `#`. We send the path and the query parameters (warnings OPENAPI_PATH_QUERY_TEMPLATE, OPENAPI_PATH_FRAGMENT); Prism matches request paths against the whole key and finds no route, or (Data Lake's GETs) takes the request for the one operation whose key has no fragment (CHECKACCESS) and checks it against that one",
    matches: (f) => {
      if (!["medium.com", "azure.com__datalake-store-filesystem"].includes(f.document)) return false;
      if (f.violation.location[0] === "route") return /^NO_(PATH|METHOD)_MATCHED_ERROR$/.test(f.violation.code);
      // Data Lake: Prism takes a GET of /webhdfs/v1/{path}?op=LISTSTATUS for the one GET key without a fragment (op CHECKACCESS, fsaction required).
      const op = queryValues(f, "op");
      const checkAccess = f.violation.location.join(".") === "query.op" && f.violation.code === "enum" && allowedValues(f)?.join() === "CHECKACCESS";
      const fsaction = f.violation.location.join(".") === "query" && f.violation.code === "required" && /'fsaction'$/.test(f.violation.message);
      return f.document === "azure.com__datalake-store-filesystem" && op.length === 1 && op[0] !== "CHECKACCESS" && (checkAccess || fsaction);
    },
  },
  {
    name: "array-enum-of-items",
    kind: "document",
    reason:
      "An array schema whose own `enum` lists item values (VisageCloud's `purposes` and `attributeFilters` query arrays, Dracoon's `grantTypes` and `mustContainCharacters`: `type: array, items: { enum: [A, B] }, enum: [A, B]`): no array equals a string, so the schema admits no value (JSON Schema Validation §6.1.2). Our front end warns OPENAPI_ENUM_TYPE and keeps the items' enum; every item sent is one of the listed values",
    matches: (f) => {
      const allowed = allowedValues(f);
      if (f.violation.code !== "enum" || allowed === undefined) return false;
      if (f.document === "visagecloud.com" && f.violation.location[0] === "query") {
        const sent = queryValues(f, f.violation.location[1]!);
        return ["purposes", "attributefilters"].includes(f.violation.location[1]!) && sent.length > 0 && sent.every((v) => allowed.includes(v));
      }
      const value = bodyValue(f);
      return f.document === "dracoon.team" && ["grantTypes", "mustContainCharacters"].includes(last(f)!) && Array.isArray(value) && value.every((v) => allowed.includes(String(v)));
    },
  },
  {
    name: "string-enum-of-other-types",
    kind: "document",
    reason:
      "A `type: string` schema whose `enum` lists numbers or booleans (Zoom's `tspId` path parameter `enum: [1, 2]` and report `type` `enum: [1, 3]`, Zuora's `transferredToAccounting` `enum: [Processing, Error, Ignore, true, false]`): no string equals 1 or true (JSON Schema Validation §6.1.2), so those values are no valid value. Our front end warns OPENAPI_ENUM_TYPE and compares them as strings; the request sends one of them as text (`1`, `\"true\"`)",
    matches: (f) => {
      const allowed = allowedValues(f);
      if (f.violation.code !== "enum" || allowed === undefined) return false;
      const literal = (v: string) => /^(-?\d+(\.\d+)?|true|false)$/.test(v) && allowed.includes(v);
      switch (f.violation.location[0]) {
        case "path":
          return pathOf(f).split("/").some(literal);
        case "query": {
          const sent = queryValues(f, f.violation.location[1]!);
          return sent.length > 0 && sent.every(literal);
        }
        case "body": {
          const value = bodyValue(f);
          return typeof value === "string" && literal(value);
        }
        default:
          return false;
      }
    },
  },
  {
    name: "octet-stream-not-string",
    kind: "document",
    reason:
      "An application/octet-stream requestBody whose schema is no string (Apache Qakka's sendMessageBinary: an array of `format: byte` strings, Java's byte[]; Azure Data Lake's ConcurrentAppend: `type: object, format: file`, Swagger 2.0's `type: file` converted badly): the body is bytes, which Prism validates as one string, and no string is an array or an object. OpenAPI 3.0.3 §Considerations for File Uploads describes binary content as `type: string, format: binary`",
    matches: (f) => f.violation.location.length === 1 && f.violation.location[0] === "body" && f.violation.code === "type" && /must be (array|object)$/.test(f.violation.message) && header(f, "content-type") === "application/octet-stream",
  },
  {
    name: "transfer-encoding-parameter",
    kind: "document",
    reason:
      "Azure Data Lake's ConcurrentAppend requires a header parameter `Transfer-Encoding: chunked`: how a message is framed is the HTTP implementation's choice (RFC 9112 §6.1; a body of known length goes with Content-Length, §6.2), and fetch refuses to be given the field. We ignore the parameter (generator/openapi/parameters.ts, warning OPENAPI_HEADER_IGNORED); Prism checks it as any header parameter",
    matches: (f) => f.violation.location[0] === "header" && f.violation.code === "required" && /'transfer-encoding'$/.test(f.violation.message) && header(f, "transfer-encoding") === undefined,
  },
  {
    name: "allof-string-and-null",
    kind: "document",
    reason:
      "Codat's `currency` is `allOf: [{ $ref: currency (a string) }, { type: null }]`: a value must be a string and null at once, which none is (JSON Schema Validation §6.1.1, allOf: all of them). The author meant nullable (`anyOf`); our front end reads it as a nullable string, and Prism rejects the string (\"must be null\") and the null (\"must be string\")",
    matches: (f) => f.document === "codat.io__accounting" && f.violation.location[0] === "body" && last(f) === "currency" && f.violation.code === "type" && /must be (null|string)$/.test(f.violation.message),
  },
  {
    name: "allof-readonly-and-closed",
    kind: "document",
    reason:
      "Azure Logic's KeyVaultReference is `additionalProperties: false` with its own writable `name`, and `allOf` ResourceReference, whose `name` is readOnly and which adds `id`: by JSON Schema an `id` is an additional property there, and by the readOnly annotation (JSON Schema 2020-12 Validation §9.4: true if any applicable schema says true) `name` is read-only; Prism merges the allOf and rejects the `name` our model (the schema's own, writable `name`) sends",
    matches: (f) => f.document === "azure.com__logic" && f.violation.code === "additionalProperties" && last(f) === "keyVault" && /found 'name'$/.test(f.violation.message),
  },
  {
    name: "false-schema-property",
    kind: "document",
    reason:
      "Vercel's updateRecord body lists `additionalProperties: false` among its `properties`, which declares a property named additionalProperties whose schema is `false` (no value valid, JSON Schema Core §4.3.2); the author meant the keyword. Our model makes it an optional member, and our random input sets it",
    matches: (f) => f.violation.code === "false schema" && f.violation.location[0] === "body" && last(f) === "additionalProperties",
  },
  {
    name: "required-property-not-declared",
    kind: "input",
    reason:
      "The schema requires a property it does not declare (Xero assets' BookDepreciationSetting and BookDepreciationDetail require `name`, Zuora's notification callout and filterRule `eventTypeName`, Codat's bank transaction line `date`, with no such property): the model has members for declared properties only, so no input carries it, and our validator cannot ask for it",
    matches: (f) => {
      const m = /must have required property '(.+)'$/.exec(f.violation.message);
      const undeclared: Record<string, string> = { "xero.com__xero_assets": "name", "zuora.com": "eventTypeName", "codat.io__accounting": "date" };
      return f.violation.code === "required" && f.violation.location[0] === "body" && f.violation.location.length >= 2 && m !== null && undeclared[f.document] === m[1];
    },
  },
  {
    name: "not-not-in-model",
    kind: "input",
    reason:
      "The document limits a value with `not` (HERE positioning's Mcc: `minimum: 200, maximum: 999, not: { minimum: 800, maximum: 899 }`) and our random value falls inside it: the model does not keep `not` (generator/openapi/facts.ts UNENFORCED, reported), so our validator and the arbitraries do not know it",
    matches: (f) => f.violation.code === "not",
  },
  {
    name: "array-enum-not-in-model",
    kind: "input",
    reason:
      "Mailchimp's `action` and `activity_filters` query arrays (form, explode false) have an `enum` of one-item arrays (`[[abuse], [bounce], ...]`: one action at a time): the model keeps no enum of arrays (warning OPENAPI_ENUM_TYPE, not enforced), so our random items are any strings",
    matches: (f) => f.document === "mailchimp.com" && f.violation.code === "enum" && f.violation.location[0] === "query" && ["action", "activity_filters"].includes(f.violation.location[1]!),
  },
  {
    name: "boolean-enum-not-in-model",
    kind: "input",
    reason:
      "A boolean with an `enum` of one value (Vercel's updateTeamMember `confirmed: { type: boolean, enum: [true] }`): the model keeps no enum on booleans, so our random input sends false",
    matches: (f) => {
      const allowed = allowedValues(f);
      return f.violation.code === "enum" && typeof bodyValue(f) === "boolean" && allowed !== undefined && allowed.every((v) => v === "true" || v === "false");
    },
  },
  {
    name: "null-type-not-in-model",
    kind: "input",
    reason:
      "A property of `type: \"null\"` alone (Vercel's updateTeamMember `joinedFrom.ssoUserId`, OpenAPI 3.1): only null is valid, but the model reads it as any value (a document member), so our random input sends a number or a string",
    matches: (f) => f.document === "vercel.com" && f.violation.code === "type" && /must be null$/.test(f.violation.message) && bodyValue(f) !== null && bodyValue(f) !== undefined,
  },
];

export function knownReason(known: readonly Known[], finding: Finding): string | undefined {
  return known.find((k) => k.matches(finding))?.name;
}
