// The runtime and helper files are formatted as their header and their body apart (format.ts
// splitHeader), the body once per run (FormatMemo): byte for byte what formatting each file whole
// gives, for every built-in template under our header, and the same output as a run that formats
// every file whole (prettier's layout through `--formatter prettier` never takes this path).

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { FormatMemo, formatTypeScript, splitHeader } from "../../generator/format.js";
import { HELPER_FILES } from "../../generator/protocols/symbols.js";
import { ROOT } from "../helpers/paths.js";

const templates = loadTemplates();
const header = templates.header({ model: "weather", sources: ["models/weather.json", "models/a\nb.json"], service: "Weather" });

describe("template files formatted as header and body", () => {
  it("splits our header from the body, and gives the bytes of formatting the file whole, for every built-in template", async () => {
    const rendered = [templates.runtime({ header }), ...HELPER_FILES.map((file) => templates.helper(file, { header }))];
    for (const text of rendered) {
      const split = splitHeader(text, header);
      expect(split).toBeDefined();
      expect(split!.head + text.slice(split!.head.length, text.length - split!.body.length) + split!.body).toBe(text);
      const whole = await formatTypeScript(text);
      expect(`${await formatTypeScript(split!.head)}\n${await formatTypeScript(split!.body)}`).toBe(whole);
    }
    expect(rendered.length).toBe(HELPER_FILES.length + 1);
  });

  it("does not split a header that is not only line comments, or that no blank line parts from the body", () => {
    expect(splitHeader("/* a */\n\nconst a = 1;\n", "/* a */\n")).toBeUndefined();
    expect(splitHeader("// a\nconst b = 2;\n\nconst a = 1;\n", "// a\nconst b = 2;\n")).toBeUndefined();
    expect(splitHeader("// a\nconst a = 1;\n", "// a\n")).toBeUndefined();
    expect(splitHeader("// a\r b;\n\nconst a = 1;\n", "// a\r b;\n")).toBeUndefined();
    expect(splitHeader("// x\n\nconst a = 1;\n", "// a\n")).toBeUndefined();
    expect(splitHeader("// a\n\n\n", "// a\n")).toBeUndefined();
    expect(splitHeader("// a\n// b\n\n\nconst a = 1;\n", "// a\n// b\n")).toEqual({ head: "// a\n// b\n", body: "\nconst a = 1;\n" });
  });

  it("formats each body once per memo, and two models' folders are what separate runs give", async () => {
    const text = readFileSync(`${ROOT}/test/fixtures/adversarial-names.smithy`, "utf8");
    const inputs = ["a", "b"].map((name) => ({ name, files: [{ path: `models/${name}.smithy`, text }] }));
    const host = { readFile: () => undefined };
    const formats = new FormatMemo();
    let made = 0;
    const counting = { get: (source: string, format: (s: string) => Promise<string>) => formats.get(source, (s) => (made++, format(s))) } as FormatMemo;
    const shared = await generate(inputs, host, { templates, formats: counting });
    const alone = [...(await generate([inputs[0]!], host, { templates })).files, ...(await generate([inputs[1]!], host, { templates })).files];
    expect([...shared.files]).toEqual(alone);
    const templated = [...shared.files.keys()].filter((p) => p.startsWith("a/") && (p === "a/runtime.ts" || HELPER_FILES.some((h) => p === `a/${h}`)));
    expect(templated.length).toBeGreaterThan(0);
    // Per model one header, and each template body once for both models.
    expect(made).toBe(templated.length + 2);
  });
});
