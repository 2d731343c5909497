// Definitions of the protocol traits Shapesmith generates code for, in our own words, so that a
// model can apply `@awsJson1_1` without shipping the `aws.protocols` model (as a Smithy build
// gets it from its classpath). Added to a load only when no input defines that namespace. Each
// protocol's `@protocolDefinition` lists the traits it supports, as the reference's definitions
// do: model validation reads `smithy.api#http` and `smithy.api#httpPayload` there.
//
//   needsBuiltinTraits([{ path: "m.smithy", text: "namespace aws.protocols ..." }]) → false
//   BUILTIN_TRAITS_SOURCE.path → "<built-in>/aws.protocols.json"

import type { AstModel, AstShape } from "./ast.js";

const NS = "aws.protocols"; // also in DEFINES_JSON and declaresNamespace

/** The traits every protocol here reads (its definition's `traits`), by name in `smithy.api`. */
const BASE_TRAITS = ["timestampFormat", "cors", "endpoint", "hostLabel"];
/** The traits of the HTTP binding protocols, on top of BASE_TRAITS: what model validation reads
 * to know that every operation needs `@http` and a stream must be the `@httpPayload`. */
const HTTP_TRAITS = ["http", "httpError", "httpHeader", "httpLabel", "httpPayload", "httpPrefixHeaders", "httpQuery", "httpQueryParams", "httpResponseCode", "httpChecksumRequired"];

function protocolTrait(supported: readonly string[], extra: AstShape["members"] = {}): AstShape {
  const traits = supported.map((t) => (t.includes("#") ? t : `smithy.api#${t}`));
  return {
    type: "structure",
    members: {
      http: { target: `${NS}#StringList` },
      eventStreamHttp: { target: `${NS}#StringList` },
      ...extra,
    },
    traits: {
      "smithy.api#trait": { selector: "service" },
      "smithy.api#protocolDefinition": { traits },
    },
  };
}

const MODEL: AstModel = {
  smithy: "2.0",
  shapes: {
    [`${NS}#awsJson1_0`]: protocolTrait(BASE_TRAITS),
    [`${NS}#awsJson1_1`]: protocolTrait(BASE_TRAITS),
    [`${NS}#restJson1`]: protocolTrait([...BASE_TRAITS, ...HTTP_TRAITS, `${NS}#httpChecksum`, "jsonName"]),
    [`${NS}#restXml`]: protocolTrait([...BASE_TRAITS, ...HTTP_TRAITS, `${NS}#httpChecksum`, "xmlAttribute", "xmlFlattened", "xmlName", "xmlNamespace"], {
      noErrorWrapping: { target: "smithy.api#Boolean" },
    }),
    // Read for its request side: a required checksum, the member that picks the algorithm.
    [`${NS}#httpChecksum`]: {
      type: "structure",
      members: {
        requestAlgorithmMember: { target: "smithy.api#String" },
        requestChecksumRequired: { target: "smithy.api#Boolean" },
        requestValidationModeMember: { target: "smithy.api#String" },
        responseAlgorithms: { target: `${NS}#StringList` },
      },
      traits: { "smithy.api#trait": { selector: "operation" } },
    },
    [`${NS}#StringList`]: { type: "list", member: { target: "smithy.api#String" }, traits: { "smithy.api#private": {} } },
  },
};

export const BUILTIN_TRAITS_SOURCE = Object.freeze({
  path: `<built-in>/${NS}.json`,
  text: JSON.stringify(MODEL, null, 2),
});

/** False when some input defines shapes of the namespace itself (then its definitions win). */
export function needsBuiltinTraits(sources: readonly { path: string; text: string }[]): boolean {
  return !sources.some((s) => DEFINES_JSON.test(s.text) || declaresNamespace(s.text));
}

/** A JSON AST shape of the namespace: `"aws.protocols#X": { "type"`. */
const DEFINES_JSON = /"aws\.protocols#\w+"\s*:\s*\{\s*"type"/;

/**
 * An IDL `namespace aws.protocols` statement: what `/^\s*namespace\s+aws\.protocols\s*$/m` finds,
 * but searched from the literal word (the `^\s*` form is tried at every line start: 5× slower
 * on the AWS models, which are long JSON texts).
 */
function declaresNamespace(text: string): boolean {
  const statement = /namespace\s+aws\.protocols\s*$/gm;
  for (let m = statement.exec(text); m !== null; m = statement.exec(text)) {
    let i = m.index;
    while (i > 0 && !LINE_END.test(text[i - 1]!) && /\s/.test(text[i - 1]!)) i--;
    if (i === 0 || LINE_END.test(text[i - 1]!)) return true;
  }
  return false;
}

/** What `^` follows in a multiline RegExp. */
const LINE_END = /[\n\r\u2028\u2029]/;

/** The sources plus our built-in trait definitions when the sources do not define them. */
export function withBuiltinTraits<T extends { path: string; text: string }>(sources: readonly T[]): readonly (T | typeof BUILTIN_TRAITS_SOURCE)[] {
  return needsBuiltinTraits(sources) ? [...sources, BUILTIN_TRAITS_SOURCE] : sources;
}
