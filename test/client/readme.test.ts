// The README's client example type-checks against the generated Cognito folder, strictly and with
// the DOM's own `fetch` and `AbortSignal` types (lib.dom): the client's structural types accept them.

import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Project, ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { ROOT, TMP } from "../helpers/paths.js";
import { STRICT_OPTIONS } from "../helpers/typecheck.js";

describe("README: the client", () => {
  it("the example type-checks with lib.dom against generated/cognito-identity-provider", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## The client"));
    const example = /```ts\n([^]*?)```/.exec(section)?.[1];
    expect(example).toContain("createCognitoIdentityProviderClient");
    const dir = join(TMP, `client-readme-${process.pid}`);
    mkdirSync(join(dir, "generated"), { recursive: true });
    cpSync(join(ROOT, "generated/cognito-identity-provider"), join(dir, "generated/cognito-identity-provider"), { recursive: true });
    writeFileSync(join(dir, "example.ts"), example! + "\nexport {};\n");
    const project = new Project({ compilerOptions: { ...STRICT_OPTIONS, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: [] } });
    project.addSourceFilesAtPaths(`${dir}/**/*.ts`);
    const errors: string[] = project.getPreEmitDiagnostics().map((d) => `${d.getSourceFile()?.getBaseName() ?? "?"}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n")}`);
    expect(errors).toEqual([]);
  });
});
