// A helper file keeps the sections that another helper file imports from it, however that
// import is written. json.ts imports from read.ts; a user's json.ts template may write that
// import in its own layout (single quotes, no semicolon, several lines) or take read.ts whole
// (`import * as R from "./read.js"`), and read.ts must still hold every name json.ts uses.
//
//   importedFrom(`import {\n  a,\n  type B as C,\n} from './read.js'`, "read.ts") → ["a", "B"]
//   importedFrom(`import * as R from "./read.js";`, "read.ts")                     → "all"

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate, importedFrom } from "../../generator/core.js";
import { readTemplateSources } from "../../generator/cli/templates.js";
import { compileTemplates } from "../../generator/templates.js";
import { writeTree } from "../helpers/generate.js";
import { ROOT } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";

describe("importedFrom", () => {
  it("reads the names of a helper's imports in any layout, and says when the module is taken whole", () => {
    expect(importedFrom(`import { a, type B } from "./read.js";`, "read.ts")).toEqual(["a", "B"]);
    expect(importedFrom(`import {\n  a,\n  type B as C,\n} from './read.js'\nconst x = 1;`, "read.ts")).toEqual(["a", "B"]);
    expect(importedFrom(`import type { T } from "./read.js"`, "read.ts")).toEqual(["T"]);
    expect(importedFrom(`export { a as b } from "./read.js";`, "read.ts")).toEqual(["a"]);
    expect(importedFrom(`import { a } from "./runtime.js";\nimport { b } from "./read.js";`, "read.ts")).toEqual(["b"]);
    expect(importedFrom(`import * as R from "./read.js";`, "read.ts")).toBe("all");
    expect(importedFrom(`import R from './read.js'`, "read.ts")).toBe("all");
    expect(importedFrom(`import { a } from "./runtime.js";`, "read.ts")).toEqual([]);
  });
});

describe("a user's json.ts template", () => {
  const model = join(ROOT, "models/cognito-identity-provider.smithy");
  const builtinJson = readTemplateSources(undefined).sources["json.ts.hbs"]!;
  const importLine = /^import \{([^}]*)\} from "\.\/read\.js";$/m;
  const names = importLine.exec(builtinJson)![1]!.split(",").map((n) => n.trim()).filter((n) => n !== "");

  async function generateWith(json: string): Promise<ReadonlyMap<string, string>> {
    const { sources, files } = readTemplateSources(undefined);
    const templates = compileTemplates({ ...sources, "json.ts.hbs": json }, files);
    const result = await generate([{ name: "svc", files: [{ path: "cognito.smithy", text: readFileSync(model, "utf8") }] }], { readFile: () => undefined }, { templates, format: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return result.files;
  }

  it("keeps what json.ts imports in read.ts when the import is laid out otherwise", async () => {
    expect(names.length).toBeGreaterThan(1);
    // fromHttpDate: a section of read.ts that no file of this model imports but this json.ts.
    const taken = [...names, "fromHttpDate"];
    const json = builtinJson.replace(importLine, `import {\n${taken.map((n) => `  ${n},`).join("\n")}\n} from './read.js'`) + "\nexport const readHttpDate = fromHttpDate;\n";
    const files = await generateWith(json);
    const read = files.get("svc/read.ts")!;
    for (const name of taken.map((n) => n.replace(/^type /, ""))) expect(read, name).toMatch(new RegExp(`export (?:function|class|const|type|interface) ${name}\\b`));
    expect(typecheckFolder(writeTree(files, "helper-imports-layout"))).toEqual([]);
  });

  it("keeps all of read.ts when json.ts takes it whole", async () => {
    const plain = names.map((n) => n.replace(/^type /, ""));
    const whole = await generateWith(builtinJson.replace(importLine, `import * as R from "./read.js";\nconst { ${plain.filter((n) => !/^[A-Z]/.test(n) || n === "WireTypeError").join(", ")} } = R;\ntype NumberText = R.NumberText;`));
    const read = whole.get("svc/read.ts")!;
    // Rendered without `uses`: every section of the template, as a render of read.ts alone gives.
    const all = compileTemplates(readTemplateSources(undefined).sources).helper("read.ts", { header: "" });
    const exports = (text: string) => [...text.matchAll(/^export (?:function|class|const|type|interface) (\w+)/gm)].map((m) => m[1]).sort();
    expect(exports(read)).toEqual(exports(all));
  });
});
