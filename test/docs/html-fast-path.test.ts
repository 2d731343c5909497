// The fast path of the HTML reader (parseSimple: plain tags, no entities) against htmlparser2
// (parseFull), the oracle: the same tree for every documentation text of real AWS models that
// the fast path takes, and for random HTML made of its tags with implied closes, stray and
// missing end tags, attributes and whitespace inside tags. Also that real documentation does
// take the fast path (else it would only cost time).

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFull, parseSimple } from "../../generator/docs/html-to-markdown.js";

function docsOf(model: string): string[] {
  const text = gunzipSync(readFileSync(resolve(import.meta.dirname, `../../../shared/corpus/aws-smithy/${model}.json.gz`))).toString("utf8");
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "smithy.api#documentation" && typeof inner === "string") found.push(inner);
      else walk(inner);
    }
  };
  walk(JSON.parse(text));
  return found;
}

describe("the HTML reader's fast path", () => {
  it("builds htmlparser2's tree for the documentation of real AWS models, and takes most of it", () => {
    let fast = 0;
    let all = 0;
    for (const model of ["cognito-identity-provider", "s3", "glue", "iam", "lambda"]) {
      for (const html of docsOf(model)) {
        all++;
        const simple = parseSimple(html);
        if (simple === undefined) continue;
        fast++;
        expect(simple, html).toEqual(parseFull(html));
      }
    }
    expect(all).toBeGreaterThan(5_000);
    expect(fast / all).toBeGreaterThan(0.95);
  });

  it("builds htmlparser2's tree for random HTML of its tags, or leaves it to htmlparser2", () => {
    // Mostly what the fast path takes, now and then what it must leave to htmlparser2.
    const rare = <T,>(common: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: common, weight: 30 }, { arbitrary: odd, weight: 1 });
    const name = rare(
      fc.constantFrom("p", "code", "li", "ul", "ol", "a", "b", "i", "note", "dl", "dt", "dd", "br", "pre", "div", "h2", "table", "tr", "td", "th", "thead", "tbody", "span"),
      fc.constantFrom("form", "img", "script", "x-y", "P", "svg"),
    );
    const space = rare(fc.constantFrom("", " ", "\n", "\t", "\f"), fc.constant("\u00a0"));
    const attribute = fc.tuple(rare(fc.constantFrom("href", "class", "start", "data-x"), fc.constant("HREF")), rare(fc.constantFrom("", "x", "https://a/b?c=d", "lang-js"), fc.constant("a>b")), space);
    const open = fc
      .tuple(name, fc.array(attribute, { maxLength: 2 }), space, rare(fc.constant(false), fc.constant(true)))
      .map(([n, attrs, trailing, selfClose]) => `<${n}${attrs.map(([k, v, sp]) => ` ${sp}${k}="${v}"`).join("")}${trailing}${selfClose ? "/" : ""}>`);
    const close = fc.tuple(name, space).map(([n, sp]) => `</${n}${sp}>`);
    const text = rare(fc.constantFrom("a", " ", "a  b", " x\n y ", "USER_SRP_AUTH", "1 > 0", "*x*"), fc.constantFrom("&amp;", "a < b", "<!-- c -->", "\0", "\uE000"));
    const html = fc.array(fc.oneof(open, close, text), { maxLength: 14 }).map((parts) => parts.join(""));
    let fast = 0;
    fc.assert(
      fc.property(html, (source) => {
        const simple = parseSimple(source);
        if (simple === undefined) return;
        fast++;
        expect(simple).toEqual(parseFull(source));
      }),
      { numRuns: 3000, seed: 11 },
    );
    expect(fast).toBeGreaterThan(1500);
  });
});
