// S3's virtual-hosted addressing (aws-customizations/, sdkId "S3") beyond the compliance cases, on
// Smithy's S3 test service: the bucket moves into the host exactly when the AWS SDK's own
// `isVirtualHostableS3Bucket(bucket, false)` (@aws-sdk/core, what its endpoint rules ask for HTTPS)
// says it can, for any bucket name; `forcePathStyle` keeps it in the path.
//
//   serializeListObjectsV2Request({ Bucket: "mybucket" })            → { path: "/", hostPrefix: "mybucket.", ... }
//   serializeListObjectsV2Request({ Bucket: "my.bucket" })           → { path: "/my.bucket" } (no host prefix)
//   serializeListObjectsV2Request({ Bucket: "mybucket" }, { forcePathStyle: true }) → { path: "/mybucket" }

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isVirtualHostableS3Bucket } from "@aws-sdk/core/client";
import { transform } from "esbuild";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { writeTree } from "../helpers/generate.js";
import type { HttpRequest } from "./compare.js";
import { FOLDERS, folderInput } from "./runner.js";

type Serialize = (input: Record<string, unknown>, options?: { forcePathStyle?: boolean }) => HttpRequest;

describe("S3 virtual-hosted addressing", () => {
  let list: Serialize;
  let getObject: Serialize;
  beforeAll(async () => {
    const folder = FOLDERS.find((f) => f.name === "aws-restXml");
    if (!folder) throw new Error("no aws-restXml protocol test folder");
    const result = await generate([folderInput(folder)], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
    const dir = writeTree(result.files, "s3-addressing");
    const s3 = [...result.files.keys()].find((p) => p.endsWith("/serializers.ts") && result.files.get(p)!.includes("serializeListObjectsV2Request"));
    if (!s3) throw new Error("no serializers.ts of the S3 test service");
    const folderName = s3.slice(0, s3.indexOf("/"));
    for (const [path, content] of result.files) {
      if (!path.startsWith(`${folderName}/`) || !path.endsWith(".ts")) continue;
      const js = await transform(content, { loader: "ts", format: "esm", target: "node20" });
      mkdirSync(join(dir, folderName), { recursive: true });
      writeFileSync(join(dir, path.replace(/\.ts$/, ".js")), js.code);
    }
    const module = (await import(pathToFileURL(join(dir, folderName, "serializers.js")).href)) as Record<string, Serialize>;
    list = module["serializeListObjectsV2Request"]!;
    getObject = module["serializeGetObjectRequest"]!;
  });

  it("moves a DNS-compatible bucket into the host, and keeps the rest of the path", () => {
    expect(list({ Bucket: "mybucket" })).toMatchObject({ path: "/", hostPrefix: "mybucket." });
    expect(getObject({ Bucket: "my-bucket-1", Key: "a b/../c" })).toMatchObject({ path: "/a%20b/../c", hostPrefix: "my-bucket-1." });
  });

  it("keeps the bucket in the path with forcePathStyle, or when it cannot be a host label", () => {
    const pathStyle = (r: HttpRequest) => ({ path: r.path, hostPrefix: r.hostPrefix });
    expect(pathStyle(list({ Bucket: "mybucket" }, { forcePathStyle: true }))).toEqual({ path: "/mybucket", hostPrefix: undefined });
    expect(pathStyle(getObject({ Bucket: "mybucket", Key: "k" }, { forcePathStyle: true }))).toEqual({ path: "/mybucket/k", hostPrefix: undefined });
    for (const bucket of ["my.bucket", "MyBucket", "my_bucket", "ab", "a".repeat(64), "-bucket", "bucket-", "192.168.1.1"]) {
      expect(pathStyle(list({ Bucket: bucket }))).toEqual({ path: `/${encodeURIComponent(bucket)}`, hostPrefix: undefined });
    }
  });

  it("decides as the AWS SDK's isVirtualHostableS3Bucket, for any bucket name", () => {
    const char = fc.constantFrom(..."abcxyz019-._AZ ~%".split(""));
    const bucket = fc.oneof(fc.array(char, { minLength: 0, maxLength: 70 }).map((cs) => cs.join("")), fc.string({ maxLength: 70 }));
    fc.assert(
      fc.property(bucket, (name) => {
        const request = list({ Bucket: name });
        expect(request.hostPrefix !== undefined).toBe(isVirtualHostableS3Bucket(name, false));
        if (request.hostPrefix !== undefined) expect([request.hostPrefix, request.path]).toEqual([`${name}.`, "/"]);
      }),
      { numRuns: 2000 },
    );
  });
});
