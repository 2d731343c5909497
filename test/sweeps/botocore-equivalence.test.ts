// Equivalence of the botocore front end with the Smithy front end over the services of
// test/botocore/services.ts (34 services: awsJson1_1, awsJson1_0, restJson1, awsQuery, restXml):
// random inputs give the same wire request from both serializers, validators give the same
// verdicts on valid and one-constraint-broken inputs. The differences between each service's two
// descriptions are listed (counted, per service); those whose kind can be read from the raw
// documents are confirmed there (test/botocore/real.ts). ec2, whose Smithy model the corpus does
// not have, is checked on hand-written ec2Query requests instead. Run with `npm run test:aws-corpus`.

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { corpusFile } from "../helpers/paths.js";
import { generateGz } from "../aws/gz.js";
import { writeTree } from "../helpers/generate.js";
import { compareService, type ServiceReport } from "../botocore/equivalence.js";
import { EQUIVALENCE_SERVICES } from "../botocore/services.js";
import { confirm, type RawPair } from "../botocore/real.js";

describe("botocore ≡ Smithy on real services", () => {
  it("gives the same requests and verdicts; every checkable difference is in the documents", async () => {
    const reports: ServiceReport[] = [];
    const unconfirmed: string[] = [];
    for (const s of EQUIVALENCE_SERVICES) {
      const smithy = corpusFile(`aws-smithy/${s.smithy}.json.gz`);
      const botocore = corpusFile(`aws-botocore/${s.botocore}.normal.json.gz`);
      const report = await compareService({ name: s.smithy, smithy, botocore }, { samples: 10, seed: 14 });
      reports.push(report);
      const read = (p: string) => JSON.parse(gunzipSync(readFileSync(p)).toString("utf8")) as never;
      const raw: RawPair = { smithy: read(smithy), botocore: read(botocore) };
      for (const d of report.differences) if (confirm(d, raw) === false) unconfirmed.push(`${s.smithy}: ${d}`);
    }
    const byProtocol = new Map<string, number>();
    for (const r of reports) byProtocol.set(r.protocol, (byProtocol.get(r.protocol) ?? 0) + 1);
    console.log(`botocore equivalence: ${reports.length} services (${[...byProtocol].map(([p, n]) => `${p.replace(/^.*#/, "")} ${n}`).join(", ")}), ec2Query by hand`);
    for (const r of reports) {
      console.log(`  ${r.name} (${r.protocol.replace(/^.*#/, "")}): ${r.compared}/${r.operations} operations compared, ${r.requests} requests, ${r.brokenChecked} broken inputs, ${r.differences.length} differences between the descriptions`);
      for (const d of r.differences) console.log(`    ${d}`);
    }
    expect(reports.flatMap((r) => r.mismatches.map((m) => `${r.name}: ${m}`))).toEqual([]);
    expect(unconfirmed).toEqual([]);
    expect(reports.length).toBeGreaterThanOrEqual(31);
    expect(new Set(reports.map((r) => r.protocol))).toEqual(
      new Set(["aws.protocols#awsJson1_1", "aws.protocols#awsJson1_0", "aws.protocols#restJson1", "aws.protocols#awsQuery", "aws.protocols#restXml"]),
    );
  });

  it("ec2 (no Smithy model in the corpus): requests follow the ec2Query rules on hand-checked operations", async () => {
    const result = await generateGz(corpusFile("aws-botocore/ec2-2016-11-15.normal.json.gz"), "ec2", { format: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const dir = writeTree(result.files, "ec2-botocore");
    const outfile = join(dir, "ec2.mjs");
    await build({ entryPoints: [join(dir, "ec2", "serializers.ts")], bundle: true, format: "esm", platform: "node", outfile, logLevel: "silent" });
    const mod = (await import(pathToFileURL(outfile).href)) as Record<string, (input: unknown, options?: unknown) => { method: string; path: string; query: string[]; headers: Record<string, string>; body: string }>;
    const fields = (r: { body: string }) => r.body.split("&").sort();
    // Lists are always flattened and numbered from 1; a member's key is its queryName, else its
    // locationName (or name) with the first letter upper-cased; ":" is percent-encoded.
    const describe = mod["serializeDescribeInstancesRequest"]!({ Filters: [{ Name: "tag:Name", Values: ["web", "db"] }], InstanceIds: ["i-1", "i-2"], DryRun: true, MaxResults: 5 });
    expect({ method: describe.method, path: describe.path, query: describe.query }).toEqual({ method: "POST", path: "/", query: [] });
    expect(describe.body).toBe(
      "Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=web&Filter.1.Value.2=db&InstanceId.1=i-1&InstanceId.2=i-2&DryRun=true&MaxResults=5",
    );
    // An empty list is not sent at all.
    expect(mod["serializeDescribeInstancesRequest"]!({ InstanceIds: [] }).body).toBe("Action=DescribeInstances&Version=2016-11-15");
    // queryName wins over locationName (Ipv6Addresses, not Ipv6AddressesSet); the idempotency token is filled in.
    const run = mod["serializeRunInstancesRequest"]!(
      {
        MinCount: 1,
        MaxCount: 2,
        ImageId: "ami-1",
        NetworkInterfaces: [{ DeviceIndex: 0, Ipv6Addresses: [{ Ipv6Address: "::1" }], Groups: ["sg-1"] }],
        TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "k", Value: "v w" }] }],
      },
      { idempotencyToken: () => "tok" },
    );
    expect(fields(run)).toEqual(
      [
        "Action=RunInstances",
        "Version=2016-11-15",
        "ImageId=ami-1",
        "MaxCount=2",
        "MinCount=1",
        "ClientToken=tok",
        "NetworkInterface.1.DeviceIndex=0",
        "NetworkInterface.1.Ipv6Addresses.1.Ipv6Address=%3A%3A1",
        "NetworkInterface.1.SecurityGroupId.1=sg-1",
        "TagSpecification.1.ResourceType=instance",
        "TagSpecification.1.Tag.1.Key=k",
        "TagSpecification.1.Tag.1.Value=v%20w",
      ].sort(),
    );
  });
});
