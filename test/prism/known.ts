// Violations Prism 5.12 (prism-http) reports where Prism, not our serializer, is wrong: each entry
// says what Prism does, with the place in its code, and the specification section it goes
// against. A listed violation is counted apart; any other one fails the run. Matchers are narrow:
// the violation's code and place and the request's shape, so that a real fault of ours that
// happens to look alike is not swallowed.
//
//   knownReason(KNOWN, { document: "rev.ai", operation: "GetCaptions", violation: { location: ["header", "accept"], code: "enum", … }, … })
//   → "accept-header-parameter"

import type { Finding } from "./run.js";

export interface Known {
  readonly name: string;
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
    reason:
      "Prism validates a header parameter named Accept (rev.ai's GetCaptions lists the caption types as its enum); OpenAPI 3.0.3 §Parameter Object `name`: if `in` is header and the name is Accept, Content-Type or Authorization, the parameter definition SHALL be ignored. We ignore it (the caller sets Accept), fetch sends `accept: */*`",
    matches: (f) => f.violation.location[0] === "header" && f.violation.location[1] === "accept",
  },
  {
    name: "content-type-header-parameter",
    reason:
      "Prism requires a header parameter named Content-Type on requests without a body (vtex declares it on every operation); OpenAPI 3.0.3 §Parameter Object `name`: such a definition SHALL be ignored; the Content-Type of a request with a body comes from its requestBody media type",
    matches: (f) => f.violation.location[0] === "header" && f.violation.code === "required" && /'content-type'/.test(f.violation.message) && f.request.body === undefined,
  },
  {
    name: "path-value-with-commas",
    reason:
      "Prism extracts path parameters with an RFC 6570 `{name}` template matcher (uri-template-lite, prism-http validator/index.js getPathParams), which turns a value with commas into a list; its simple, label and matrix deserializers then call string methods on it and throw, and the request is never answered. Commas are how OpenAPI 3.0.3 §Style Values writes path arrays and objects: simple `blue,black,brown` / `R,100,G,200,B,150`, label `.blue,black,brown`, matrix `;color=blue,black,brown`",
    matches: (f) => crashIn(f, /deserializers\/style\/(simple|label|matrix)\.js/) && pathOf(f).includes(","),
  },
  {
    name: "absent-object-header",
    reason:
      "Prism deserializes every object-typed header parameter of the operation, sent or not, and throws on an absent one (simple.js deserializeImplodeObject reads `undefined.split`); the request is never answered. An optional header may be left out (OpenAPI 3.0.3 §Parameter Object `required`, default false)",
    matches: (f) => crashIn(f, /Cannot read properties of undefined \(reading 'split'\) \|\s+at deserializeImplodeObject \(.*deserializers\/style\/simple\.js/),
  },
  {
    name: "label-explode-object",
    reason:
      "Prism splits an exploded label-style object at commas (label.js deserializeImplodeObject), so `.R=1.G=2.B=3` reads as { R: \"1.G=2.B=3\" }; OpenAPI 3.0.3 §Style Examples: label, explode true, object is `.R=100.G=200.B=150`",
    matches: (f) => f.violation.location[0] === "path" && f.violation.location.length === 3 && /\/\.[^/=.]+=[^/]*\.[^/=.]+=/.test(pathOf(f)),
  },
  {
    name: "form-array-without-encoding",
    reason:
      "Prism reads a URL-encoded body into one value per name (body.js splitUriParams keeps the last of repeated names) and rebuilds arrays only for properties with an Encoding Object that sets `style`; OpenAPI 3.0.3 §Encoding Object: without one, `style` defaults to form and `explode` to true, so an array property is the name repeated, once per item",
    matches: (f) =>
      f.violation.location[0] === "body" && f.violation.code === "type" && /must be array$/.test(f.violation.message) && (header(f, "content-type") ?? "").startsWith("application/x-www-form-urlencoded"),
  },
  {
    name: "json-media-type-not-json",
    reason:
      "Prism's server parses a request body as JSON only for application/json and application/*+json (prism-http-server parseRequestBody) and validates any other body as a string; our Cognito document's application/x-amz-json-1.1 is JSON (AWS's JSON protocol 1.1), and OpenAPI 3.1 §Media Type Object leaves a media type's meaning to its own definition",
    matches: (f) =>
      f.violation.location.length === 1 && f.violation.location[0] === "body" && f.violation.code === "type" && /^application\/x-amz-json-1\.[01]$/.test(header(f, "content-type") ?? ""),
  },
];

export function knownReason(known: readonly Known[], finding: Finding): string | undefined {
  return known.find((k) => k.matches(finding))?.name;
}
