// A sample of real AWS service models beyond Cognito, one per protocol family (restJson1 with
// labels, payloads and streaming; awsJson1_0; awsJson1_1; restXml with namespaces and wrapped
// lists; awsQuery (sts)): each generates without errors and type-checks under strict options.
// The whole corpus runs behind `npm run test:aws-corpus`.

import { describe, expect, it } from "vitest";
import { corpusFile } from "../helpers/paths.js";
import { generateGz } from "./gz.js";
import { writeTree } from "../helpers/generate.js";
import { typecheckFolder } from "../helpers/typecheck.js";

const SAMPLE = ["kinesis-video-media", "iot-data-plane", "billing", "pricing", "route-53", "sts"];

describe("AWS models sample", () => {
  it.each(SAMPLE)("%s generates and type-checks", async (name) => {
    const result = await generateGz(corpusFile(`aws-smithy/${name}.json.gz`), name);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    if (name === "sts") {
      // awsQuery: a form body naming the action and the API version.
      expect(result.diagnostics.map((d) => d.code)).not.toContain("SMITHY_UNSUPPORTED_PROTOCOL");
      expect(result.files.get("sts/serializers.ts")).toMatch(/export function serializeAssumeRoleRequest\(/);
      expect(result.files.get("sts/serializers.ts")).toContain(`"Action=AssumeRole", "Version=2011-06-15"`);
    }
    expect(typecheckFolder(writeTree(result.files, name))).toEqual([]);
  });
});
