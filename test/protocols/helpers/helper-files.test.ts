// The generated gzip, md5 and sha256 helper files against Node's own zlib and crypto: random
// bodies (fast-check) compressed by our gzip come back whole from zlib.gunzipSync; our
// Content-MD5 and SHA-256 equal crypto's digests; the Glacier tree hash is built from crypto's
// SHA-256 of 1 MiB chunks.

import { mkdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTemplates } from "../../../generator/cli/templates.js";

const DIR = join(process.cwd(), ".tmp", "helper-files");

interface Helpers {
  gzip(data: Uint8Array): Uint8Array;
  contentMd5(body: string | Uint8Array): string;
  sha256Hex(body: string | Uint8Array): string;
  sha256TreeHex(body: string | Uint8Array): string;
}

let helpers: Helpers;

beforeAll(async () => {
  const templates = loadTemplates();
  mkdirSync(DIR, { recursive: true });
  const files: Record<string, string> = {
    "runtime.js": templates.runtime({ header: "// test" }),
    "gzip.js": templates.helper("gzip.ts", { header: "// test" }),
    "md5.js": templates.helper("md5.ts", { header: "// test" }),
    "sha256.js": templates.helper("sha256.ts", { header: "// test" }),
  };
  for (const [name, ts] of Object.entries(files)) {
    writeFileSync(join(DIR, name), (await transform(ts, { loader: "ts", format: "esm" })).code);
  }
  const gzip = (await import(pathToFileURL(join(DIR, "gzip.js")).href)) as Pick<Helpers, "gzip">;
  const md5 = (await import(pathToFileURL(join(DIR, "md5.js")).href)) as Pick<Helpers, "contentMd5">;
  const sha = (await import(pathToFileURL(join(DIR, "sha256.js")).href)) as Pick<Helpers, "sha256Hex" | "sha256TreeHex">;
  helpers = { gzip: gzip.gzip, contentMd5: md5.contentMd5, sha256Hex: sha.sha256Hex, sha256TreeHex: sha.sha256TreeHex };
});

/** Bodies with repeats (so LZ77 matches, also overlapping ones) and random bytes. */
const bodies = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 2000 })).map(([unit, times]) => {
    const out = new Uint8Array(unit.length * times);
    for (let i = 0; i < times; i++) out.set(unit, i * unit.length);
    return out;
  }),
  fc.string({ unit: "grapheme", maxLength: 2000 }).map((s) => new TextEncoder().encode(s.repeat(3))),
);

describe("gzip helper", () => {
  it("round-trips through zlib.gunzipSync", () => {
    fc.assert(
      fc.property(bodies, (data) => {
        expect(new Uint8Array(gunzipSync(helpers.gzip(data)))).toEqual(data);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("compresses repetitive text and handles matches at the window's edge", () => {
    const text = new TextEncoder().encode("Shapesmith ".repeat(4000) + "x".repeat(70000));
    const zipped = helpers.gzip(text);
    expect(zipped.length).toBeLessThan(text.length / 20);
    expect(new Uint8Array(gunzipSync(zipped))).toEqual(text);
  });
});

describe("md5 helper", () => {
  it("equals crypto's MD5, base64", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 500 }), fc.string({ maxLength: 300 })), (body) => {
        const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
        expect(helpers.contentMd5(body)).toBe(createHash("md5").update(bytes).digest("base64"));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe("sha256 helper", () => {
  it("equals crypto's SHA-256, hex", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 500 }), fc.string({ maxLength: 300 })), (body) => {
        const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
        expect(helpers.sha256Hex(body)).toBe(createHash("sha256").update(bytes).digest("hex"));
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it("builds Glacier's tree hash from 1 MiB chunks", () => {
    const sha = (b: Uint8Array) => createHash("sha256").update(b).digest();
    const MiB = 1024 * 1024;
    const data = new Uint8Array(3 * MiB + 5).map((_, i) => (i * 31) % 251);
    const leaves = [0, 1, 2, 3].map((i) => sha(data.subarray(i * MiB, (i + 1) * MiB)));
    const root = sha(Buffer.concat([sha(Buffer.concat([leaves[0]!, leaves[1]!])), sha(Buffer.concat([leaves[2]!, leaves[3]!]))]));
    expect(helpers.sha256TreeHex(data)).toBe(root.toString("hex"));
    expect(helpers.sha256TreeHex("hello world")).toBe(createHash("sha256").update("hello world").digest("hex"));
  });
});
