// upperSnake (enum member names) against the regex pipeline it replaced, on hand-picked values,
// random strings over a small alphabet that hits every boundary, and every string enum value of
// three corpus documents.

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { upperSnake } from "../../generator/openapi/schemas.js";
import { OPENAPI_CORPUS } from "./helpers.js";

/** The definition: the regex pipeline of the first implementation. */
function reference(value: string): string {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
  if (words === "") return "EMPTY";
  return /^[0-9]/.test(words) ? "_" + words : words;
}

/** Every string in `enum` lists of a JSON value. */
function enumStrings(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) enumStrings(v, out);
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === "enum" && Array.isArray(v)) for (const e of v) if (typeof e === "string") out.add(e);
      enumStrings(v, out);
    }
  }
}

describe("upperSnake", () => {
  it("names values as the regex pipeline does", () => {
    const values = ["in-progress", "fooBar", "2xx", "", "___", "-a-", "aB", "aBC", "ABc", "a1B", "1a", "_1", "a__b", "a_B", "a-_-B", "é", "aéB", "aÉb", "x😀y", "HTTPServer", "getHTTPResponse", "v2Beta", "9", " spaced  out ", "ß", "ﬃ"];
    for (const v of values) expect(upperSnake(v), v).toBe(reference(v));
    expect(upperSnake("in-progress")).toBe("IN_PROGRESS");
    expect(upperSnake("2xx")).toBe("_2XX");
    expect(upperSnake("")).toBe("EMPTY");
  });

  it("names random strings as the regex pipeline does", () => {
    const alphabet = "aZ9_- .éA0z";
    let seed = 12345;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 20000; i++) {
      let v = "";
      for (let n = random(9); n > 0; n--) v += alphabet[random(alphabet.length)];
      expect(upperSnake(v), JSON.stringify(v)).toBe(reference(v));
    }
  });

  it.each(["stripe.com", "github.com__api.github.com", "zoom.us"])("names every string enum value of %s as the regex pipeline does", (name) => {
    const values = new Set<string>();
    enumStrings(JSON.parse(gunzipSync(readFileSync(`${OPENAPI_CORPUS}/${name}.json.gz`)).toString("utf8")), values);
    expect(values.size).toBeGreaterThan(100);
    const differing = [...values].filter((v) => upperSnake(v) !== reference(v));
    expect(differing).toEqual([]);
  });
});
