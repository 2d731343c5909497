// The generated SigV4 signer in a real browser: headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core) loads sigv4.ts as the page's script from a file:// page (a secure
// context, so crypto.subtle exists) and signs 200 random requests (the property test's
// generator, seed 11); every signed header must equal what @smithy/signature-v4 makes of the
// same request on Node. In the page there is no `process`: environmentCredentials() is undefined.
// Without /usr/bin/chromium the test is skipped with a reason, except under CI=true, where a
// missing browser is a failure (as the playground test).

import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import fc from "fast-check";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TMP } from "../helpers/paths.js";
import { sigv4Source } from "./load.js";
import { caseOf, requestSpec, sdkSign } from "./requests.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const inCi = process.env["CI"] === "true";
if (!available && !inCi) console.warn(`sigv4 browser test skipped: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run installs it)`);

const COUNT = 200;
const out = join(TMP, `sigv4-browser-${process.pid}`);
let browser: Browser | undefined;

/** A request as it crosses into the page (bytes as a number list, the date as its time). */
interface Wire {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: { readonly text: string } | { readonly bytes: number[] };
  readonly options: Record<string, unknown> & { readonly date: number };
}

describe.skipIf(!available && !inCi)("SigV4 signer in headless Chromium", () => {
  beforeAll(async () => {
    if (!available) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must install Debian's chromium`);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "index.html"), "<!doctype html><title>sigv4</title>");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it(`signs ${COUNT} random requests in the page exactly as @smithy/signature-v4 does on Node`, async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    const script = (await transform(sigv4Source(), { loader: "ts", format: "iife", globalName: "sigv4", target: "es2022" })).code;
    await page.addScriptTag({ content: script });

    const cases = await Promise.all(fc.sample(requestSpec, { numRuns: COUNT, seed: 11 }).map(caseOf));
    const wire: Wire[] = cases.map((c) => ({
      method: c.request.method,
      url: c.request.url,
      headers: { ...c.request.headers },
      ...(c.request.body === undefined ? {} : { body: typeof c.request.body === "string" ? { text: c.request.body } : { bytes: [...c.request.body] } }),
      options: { ...c.options, date: c.options.date.getTime() },
    }));
    const result = await page.evaluate(async (requests: Wire[]) => {
      type Module = {
        signRequest(r: unknown, o: unknown): Promise<{ headers: Record<string, string> }>;
        createSigner(): { signRequest(r: unknown, o: unknown): Promise<{ headers: Record<string, string> }> };
        environmentCredentials(): unknown;
      };
      const g = globalThis as unknown as { sigv4: Module; isSecureContext: boolean };
      const signer = g.sigv4.createSigner();
      const signed: Record<string, string>[] = [];
      for (const r of requests) {
        const body = r.body === undefined ? undefined : "text" in r.body ? r.body.text : new Uint8Array(r.body.bytes);
        const request = { method: r.method, url: r.url, headers: r.headers, ...(body === undefined ? {} : { body }) };
        signed.push((await signer.signRequest(request, { ...r.options, date: new Date(r.options.date) })).headers);
      }
      return { signed, secure: g.isSecureContext, environment: g.sigv4.environmentCredentials() ?? null };
    }, wire);

    expect(errors).toEqual([]);
    expect(result.secure).toBe(true);
    expect(result.environment).toBeNull();
    let equal = 0;
    for (const [i, c] of cases.entries()) {
      expect(result.signed[i], c.request.url).toEqual(await sdkSign(c));
      equal++;
    }
    console.log(`sigv4 (Chromium): ${cases.length} random requests signed in the page, ${equal} equal to @smithy/signature-v4 on Node`);
    await page.close();
  }, 120_000);
});
