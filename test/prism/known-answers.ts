// Answers of Prism (its mock generator, json-schema-faker, in dynamic mode) that break the document
// in a way Prism's own response validation does not see, so that our client rightly refuses them:
// each entry says what Prism writes, and why our reading is what the specification asks. A call
// whose only problem an entry matches is counted apart by entry name; any other problem fails the
// client test. Matchers are narrow: the problem's text and the value the answer carried.
//
//   knownAnswer({ document: "adyen.com__AccountService", operation: "post-getTaxForm",
//                 problem: 'a 2xx answer threw MalformedResponseError: … at $.content: expected base64, got the string "et dolore"' })
//   → "base64-not-generated"

import type { Known } from "./known.js";

export interface KnownAnswer {
  readonly name: string;
  readonly reason: string;
  readonly matches: (problem: string) => boolean;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const KNOWN_ANSWERS: readonly KnownAnswer[] = [
  {
    name: "base64-not-generated",
    reason:
      "Prism's generator writes any text for a string of `format: byte` (OpenAPI 3.0.3 §Data Types: base64 encoded characters) or `contentEncoding: base64` (3.1, JSON Schema 2020-12 §8.3), and its validator does not check either; our model reads such a property as bytes, so a string that is not base64 is a MalformedResponseError naming the place",
    matches: (problem) => {
      const m = /threw MalformedResponseError: .* expected base64, got the string "((?:[^"\\]|\\.)*)"/.exec(problem);
      return m !== null && !BASE64.test(JSON.parse(`"${m[1]!}"`) as string);
    },
  },
];

/**
 * Errors Prism throws on its own answer when it validates responses (only the client test asks it
 * to): the request is never answered. Counted with known.ts's entries (same matcher shape), kept
 * apart because the serializer test, which does not validate answers, checks that none of known.ts
 * is stale.
 */
export const KNOWN_ANSWER_CRASHES: readonly Known[] = [
  {
    name: "response-array-header-absent",
    kind: "prism",
    reason:
      "Prism checks the headers of its own answer with its parameter deserializers, and an array header its mock left out (our responses fixture's listPets X-Tags, not required) reaches simple.js deserializeArray as null, which throws; OpenAPI 3.0.3 §Header Object: a header that is not `required` may be absent",
    matches: (f) =>
      f.violation.location[0] === "prism" && f.violation.code === "crash" && /Cannot read properties of (null|undefined) \(reading 'split'\) \| +at deserializeArray \(.*deserializers\/style\/simple\.js/.test(f.violation.message),
  },
];

export function knownAnswer(problem: string): string | undefined {
  return KNOWN_ANSWERS.find((k) => k.matches(problem))?.name;
}
