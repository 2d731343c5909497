// The playground page (`npm run playground`) in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core): it generates the preloaded Cognito model exactly as the repo does;
// a member typed into the editor appears in types.ts and validators.ts exactly as the Node core
// generates them; a broken model shows the core's diagnostic at its line; the generated
// validators and serializers run inside the page with the same results as on Node.
// Without /usr/bin/chromium the test is skipped with a reason, except under CI=true (.ci/run
// installs it), where a missing browser is a failure.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import fc from "fast-check";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cognito from "../../generated/cognito-identity-provider/index.js";
import * as prettier from "prettier";
import { generate } from "../../generator/core.js";
import { LAYOUT } from "../../generator/format.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { listTree, positionOf } from "../cli/helpers.js";
import { GENERATED, MODELS, ROOT, TMP } from "../helpers/paths.js";

/** What the test reads of the page's document inside page.evaluate (this file has no DOM types). */
interface PageDocument {
  document: { getElementById(id: string): { dataset: Record<string, string | undefined> } | null };
}

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const inCi = process.env.CI === "true";
if (!available && !inCi) console.warn(`playground test skipped: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run installs it)`);

const NAME = "cognito-identity-provider";
const FILE = `${NAME}.smithy`;
const MODEL = readFileSync(join(MODELS, FILE), "utf8");
const out = join(TMP, `playground-test-${process.pid}`);
let browser: Browser | undefined;
let page: Page;

/**
 * What the Node core makes of a model text given under the playground's path, formatted by
 * prettier as the page does (oxfmt is native code; on generated/ the two agree byte for byte:
 * test/foundation/formatter.test.ts).
 */
async function onNode(text: string) {
  return generate([{ name: NAME, files: [{ path: `models/${FILE}`, text }] }], { readFile: () => undefined }, { templates: loadTemplates(), formatter: { name: "prettier" } });
}

async function generation(): Promise<number> {
  return Number(await page.getAttribute("#status", "data-generation"));
}

async function nextGeneration(after: number): Promise<void> {
  await page.waitForFunction(
    (n) => Number((globalThis as unknown as PageDocument).document.getElementById("status")?.dataset.generation) > n,
    after,
    { timeout: 90_000 },
  );
}

async function pageFiles(): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries((globalThis as unknown as { shapesmith: { files: Map<string, string> } }).shapesmith.files));
}

/** Puts the cursor at `offset` of the editor's text and types `text` there, as a user would. */
async function typeAt(offset: number, text: string): Promise<void> {
  await page.evaluate((at) => {
    const view = (globalThis as unknown as { shapesmith: { view: { dispatch(t: object): void; focus(): void } } }).shapesmith.view;
    view.dispatch({ selection: { anchor: at } });
    view.focus();
  }, offset);
  await page.keyboard.insertText(text);
}

async function tab(file: string): Promise<string> {
  await page.click(`#tabs button:text-is("${file}")`);
  return (await page.textContent("#file")) ?? "";
}

describe.skipIf(!available && !inCi)("playground in headless Chromium", () => {
  beforeAll(async () => {
    if (!available) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must install Debian's chromium`);
    rmSync(out, { recursive: true, force: true });
    const built = spawnSync(process.execPath, [join(ROOT, "bin/playground.mjs"), out], { encoding: "utf8" });
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    await nextGeneration(0);
    expect(errors).toEqual([]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it("the page's sources type-check for the browser (DOM, no Node types)", () => {
    const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "generator/playground/tsconfig.json", "--noEmit"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });

  it("the preloaded Cognito model generates in the page exactly what the repo generates, as prettier prints it", async () => {
    expect(await page.inputValue("#model")).toBe(FILE);
    const files = await pageFiles();
    expect(Object.keys(files)).toEqual(listTree(join(GENERATED, NAME)).map((f) => `${NAME}/${f}`));
    // generated/ is formatted by oxfmt; the page by prettier: the same but for the union types
    // test/foundation/formatter.test.ts lists (UNION_RULE).
    for (const [path, text] of Object.entries(files)) {
      expect(text, path).toBe(await prettier.format(readFileSync(join(GENERATED, path), "utf8"), { ...LAYOUT, parser: "typescript" }));
    }
    expect(await page.textContent("#status")).toMatch(new RegExp(`^${Object.keys(files).length} files \\(\\d+ ms\\)$`));
  });

  it("a member typed into the editor (with @length) appears in types.ts and validators.ts, as the Node core makes them", async () => {
    const anchor = "structure InitiateAuthRequest {\n";
    const member = "    /// A nickname for the sign-in.\n    @length(min: 2, max: 5)\n    Nickname: String\n\n";
    const at = MODEL.indexOf(anchor) + anchor.length;
    const before = await generation();
    await typeAt(at, member);
    await nextGeneration(before);
    const edited = MODEL.slice(0, at) + member + MODEL.slice(at);
    expect(await page.evaluate(() => (globalThis as unknown as { shapesmith: { view: { state: { doc: { toString(): string } } } } }).shapesmith.view.state.doc.toString())).toBe(edited);
    const node = await onNode(edited);
    expect(node.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const types = await tab("types.ts");
    const validators = await tab("validators.ts");
    expect(types).toBe(node.files.get(`${NAME}/types.ts`));
    expect(validators).toBe(node.files.get(`${NAME}/validators.ts`));
    expect(types).toMatch(/\n {2}Nickname\?: string \| undefined;\n/);
    expect(validators).toContain("Nickname");
    expect(validators).not.toBe(readFileSync(join(GENERATED, NAME, "validators.ts"), "utf8"));
  });

  it("a broken model shows the core's diagnostic at its line, in the list and in the editor; a screenshot is saved", async () => {
    const text = await page.evaluate(() => (globalThis as unknown as { shapesmith: { view: { state: { doc: { toString(): string } } } } }).shapesmith.view.state.doc.toString());
    const anchor = "    Nickname: String\n";
    const at = text.indexOf(anchor) + anchor.length;
    const bad = "    Nick2: NoSuchShape\n";
    const before = await generation();
    await typeAt(at, bad);
    await nextGeneration(before);
    const broken = text.slice(0, at) + bad + text.slice(at);
    const node = await onNode(broken);
    const error = node.diagnostics.find((d) => d.severity === "error");
    expect(error?.line).toBe(positionOf(broken, "NoSuchShape").line);
    const item = page.locator("#diagnostics li.error").first();
    expect(await item.getAttribute("data-line")).toBe(String(error?.line));
    expect(await item.textContent()).toContain(`models/${FILE}:${error?.line}:${error?.column} error ${error?.code}: ${error?.message}`);
    expect(await page.textContent("#status")).toMatch(/^1 error \(\d+ ms\)$/);
    // The editor underlines that line: click the listed diagnostic to bring it into view.
    await item.click();
    const underlined = page.locator(".cm-line:has(.cm-lintRange-error)");
    await underlined.first().waitFor({ timeout: 10_000 });
    expect(await underlined.count()).toBe(1);
    expect(await underlined.first().textContent()).toBe(bad.replace(/\n$/, ""));
    mkdirSync(TMP, { recursive: true });
    await page.screenshot({ path: join(TMP, "playground.png") });
    expect(existsSync(join(TMP, "playground.png"))).toBe(true);
    // The last good files stay in the tabs.
    expect(await tab("types.ts")).toContain("Nickname?: string");
  });

  it("the generated Cognito validators and serializers run in the page with the same results as on Node", async () => {
    // Back to the preloaded model: the page generates the repo's files again.
    const before = await generation();
    await page.evaluate((model) => {
      const view = (globalThis as unknown as { shapesmith: { view: { state: { doc: { length: number } }; dispatch(t: object): void } } }).shapesmith.view;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: model } });
    }, MODEL);
    await nextGeneration(before);
    const files = await pageFiles();
    // The page's own TypeScript output, types stripped by esbuild, loaded into the page.
    const dir = join(out, "generated");
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const bundle = await build({ entryPoints: [join(dir, NAME, "index.ts")], bundle: true, write: false, format: "iife", globalName: "cognito", platform: "browser", target: "chrome120" });
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });

    const flows = ["USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "CUSTOM_AUTH", "USER_PASSWORD_AUTH", "NOPE", ""];
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "a".repeat(129), "abc+123", "ü", "x y"));
    const input = fc.record(
      {
        AuthFlow: fc.oneof(fc.constantFrom(...flows), fc.integer()),
        ClientId: text,
        AuthParameters: fc.dictionary(fc.constantFrom("USERNAME", "SRP_A", "PASSWORD", "SECRET_HASH"), text, { maxKeys: 3 }),
        ClientMetadata: fc.dictionary(text, text, { maxKeys: 2 }),
        AnalyticsMetadata: fc.record({ AnalyticsEndpointId: text }, { requiredKeys: [] }),
        UserContextData: fc.record({ IpAddress: text, EncodedData: text }, { requiredKeys: [] }),
        Session: text,
      },
      { requiredKeys: [] },
    );
    const inputs: unknown[] = [
      { AuthFlow: "USER_SRP_AUTH", ClientId: "abc", AuthParameters: { USERNAME: "alice", SRP_A: "123" } },
      { AuthFlow: "USER_PASSWORD_AUTH", ClientId: "", AuthParameters: { USERNAME: "alice", PASSWORD: "secret" } },
      {},
      null,
      "text",
      ...fc.sample(input, { numRuns: 150, seed: 13 }),
    ];
    const run = (api: typeof cognito, values: unknown[]) =>
      values.map((value) => {
        const validation = api.validateInitiateAuthRequest(value);
        let request: unknown;
        try {
          request = validation.length === 0 ? api.serializeInitiateAuthRequest(value as never) : "not serialized: invalid";
        } catch (error) {
          request = `threw: ${String(error)}`;
        }
        return JSON.stringify({ validation, request });
      });
    const inPage = await page.evaluate(
      ({ values, source }) => new Function("api", "values", `return (${source})(api, values)`)((globalThis as unknown as { cognito: unknown }).cognito, values) as string[],
      { values: inputs, source: run.toString() },
    );
    const onNodeResults = run(cognito, inputs);
    expect(inPage).toEqual(onNodeResults);
    // Both valid and invalid inputs were among them.
    expect(onNodeResults.some((r) => r.includes('"validation":[]'))).toBe(true);
    expect(onNodeResults.some((r) => r.includes('"constraint"'))).toBe(true);
  });
});
