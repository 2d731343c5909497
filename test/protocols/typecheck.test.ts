// The generated code of Smithy's protocol test services type-checks under the strict options
// generated code promises (test/helpers/typecheck.ts). The compliance runner only transpiles
// it, which would let a wrong type through; this suite compiles it.
//
//   aws-awsQuery → serializers.ts, types.ts, ... of service AwsQuery: [] (no type errors)

import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { writeTree } from "../helpers/generate.js";
import { typecheckFolder } from "../helpers/typecheck.js";
import { FOLDERS, folderInput } from "./runner.js";

/** Protocol test folders whose output is type-checked (by the runner's folder names). */
const CHECKED = ["aws-awsQuery", "aws-ec2Query", "core-rpcv2Cbor", "aws-rpcv2Cbor"];

describe("protocol test services type-check", () => {
  it.each(CHECKED)("%s", async (name) => {
    const folder = FOLDERS.find((f) => f.name === name);
    expect(folder, `no protocol test folder ${name}`).toBeDefined();
    const result = await generate([folderInput(folder!)], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const serializers = [...result.files.keys()].filter((p) => p.endsWith("/serializers.ts"));
    expect(serializers.length).toBeGreaterThan(0);
    for (const path of serializers) expect(result.files.get(path), path).toMatch(/^export function serialize\w+Request\(/m);
    expect(typecheckFolder(writeTree(result.files, name))).toEqual([]);
  });
});
