// The README documents what exists: its API example is test/package/readme-example.ts (which
// tsc type-checks), and it names every command, flag and exit code of `shapesmith --help`.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS, OPTIONS } from "../../generator/cli/main.js";
import { ROOT } from "../helpers/paths.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

describe("README", () => {
  it("shows the API example that type-checks", () => {
    const file = readFileSync(join(ROOT, "test/package/readme-example.ts"), "utf8");
    const example = /\/\/ README-EXAMPLE-START\n([^]*?)\/\/ README-EXAMPLE-END/.exec(file)?.[1]?.replace('"../../generator/api.js"', '"shapesmith"');
    expect(example).toBeDefined();
    expect(readme).toContain("```ts\n" + example + "```");
  });

  it("names every command and flag, and the exit codes", () => {
    for (const command of COMMANDS.filter((c) => c !== "help")) expect(readme).toContain(`shapesmith ${command}`);
    for (const flag of Object.keys(OPTIONS)) expect(readme).toContain(`--${flag}`);
    expect(readme).toMatch(/\| 0 \| [^\n]+\n\| 1 \| [^\n]+\n\| 2 \| /);
  });
});
