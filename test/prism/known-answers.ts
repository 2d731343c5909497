// Answers of Prism (its mock generator, json-schema-faker, in dynamic mode) that break the document
// in a way Prism's own response validation does not see, so that our client rightly refuses them:
// each entry says what Prism writes, and why our reading is what the specification asks. A call
// whose only problem an entry matches is counted apart by entry name; any other problem fails the
// client test. Matchers are narrow: the problem's text and the value the answer carried.
//
//   knownAnswer({ document: "adyen.com__AccountService", operation: "post-getTaxForm",
//                 problem: 'a 2xx answer threw MalformedResponseError: … at $.content: expected base64, got the string "et dolore"' })
//   → "base64-not-generated"

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

export function knownAnswer(problem: string): string | undefined {
  return KNOWN_ANSWERS.find((k) => k.matches(problem))?.name;
}
