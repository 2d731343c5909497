// Violations Prism 5.12 (prism-http) reports that are not a fault of our serializer to fix here,
// each of one kind:
// - "prism": Prism is wrong; the entry says what it does, with the place in its code, and the
//   specification section it goes against;
// - "input": our random input breaks a rule of the document that the resolved model does not
//   carry (so neither our validator nor test/openapi-wire/arbitraries.ts knows it), e.g. `format`;
// - "ours": a fault of ours found here and reported to the maintainers, not fixed in this folder.
// A listed violation is counted apart, by kind; any other one fails the run. Matchers are narrow
// (the violation's code and place and the request's shape), so that a real fault of ours that
// happens to look alike is not swallowed.
//
//   knownReason(KNOWN, { document: "rev.ai", operation: "GetCaptions", violation: { location: ["header", "accept"], code: "enum", … }, … })
//   → "accept-header-parameter"

import type { Finding } from "./run.js";

export interface Known {
  readonly name: string;
  readonly kind: "prism" | "input" | "ours";
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

export function knownReason(known: readonly Known[], finding: Finding): string | undefined {
  return known.find((k) => k.matches(finding))?.name;
}
