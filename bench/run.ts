// `npm run bench`: every benchmark of the project, one report. Numbers, not assertions.
//
//   generate cognito ...: median 0.84 s
//   validators: InitiateAuthRequest, valid inputs: generated 9.1 M/s, ajv 6.0 M/s → 1.52×
//   serializers: InitiateAuth, generated ... M/s, @aws-sdk/client-cognito-identity-provider ... serializeRequest ... k/s → ...×
//   deserializers: DescribeUserPool (… KB JSON), generated … k/s, @aws-sdk/client-cognito-identity-provider … deserializeResponse … k/s → …×
//   regenerate after a doc edit (models/, 3 models): ... ms with the cache, ... ms without → ...×
//   deserializers (XML): Route 53 ListResourceRecordSets (… KB, 1000 record sets), generated …/s, @aws-sdk/client-route-53 … deserializeResponse …/s → …×
//   idl: ... MB/s
//   chains (in-process, formatted; CPU, ...): structures 5,000: ... s, 20,000: ... s → ...× for 4× the depth (linear 4×, quadratic 16×)
//   openapi: ... ratio
//   graph microsoft.com__graph: ... s, peak RSS ... MB (limit 2,048 MB: ok)
//   tsc --noEmit of the real Cognito output: now ... s, baseline ... s → ...×
//   sigv4: AdminCreateUser (JSON, ... B), createSigner ... k/s, @smithy/signature-v4 ... → ...×
//   endpoints: S3 GetObject (virtual host, eu-west-1), ours … k/s, @aws-sdk/util-endpoints … k/s → …×
//   client calls, InitiateAuth (unsigned) to cognito-local …: ours …/s, @aws-sdk/client-cognito-identity-provider …/s → …×; client CPU per call … → …×
//   client bundle, an app calling only InitiateAuth …: ours … kB (… kB gzip), @aws-sdk/client-cognito-identity-provider … kB (… kB gzip) → …×

import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
mkdirSync(resolve(ROOT, ".tmp"), { recursive: true });

type Bench = { name: string; run: () => Promise<string[]> };

const benches: Bench[] = [
  { name: "generate", run: async () => (await import("./generate.js")).benchGenerate() },
  {
    name: "validators",
    run: async () => {
      const generated = (await import(pathToFileURL(resolve(ROOT, "generated/cognito-identity-provider/validators.ts")).href)) as {
        validateInitiateAuthRequest: (value: unknown) => unknown[];
      };
      return (await import("./validators.js")).benchValidators(generated.validateInitiateAuthRequest);
    },
  },
  {
    name: "serializers",
    run: async () => {
      const generated = (await import(pathToFileURL(resolve(ROOT, "generated/cognito-identity-provider/serializers.ts")).href)) as {
        serializeInitiateAuthRequest: (input: never) => { body?: unknown };
      };
      return (await import("./serializers.js")).benchSerializers(generated.serializeInitiateAuthRequest);
    },
  },
  { name: "deserializers", run: async () => (await import("./deserializers.js")).benchDeserializers() },
  { name: "regenerate", run: async () => (await import("./regenerate.js")).benchRegenerate() },
  { name: "xml-deserializers", run: async () => (await import("./xml-deserializers.js")).benchXmlDeserializers() },
  { name: "idl", run: async () => (await import("./idl.js")).benchIdl() },
  { name: "chains", run: async () => (await import("./chains.js")).benchChains() },
  { name: "regex", run: async () => (await import("./regex.js")).benchRegex() },
  { name: "openapi", run: async () => (await import("./openapi.js" as string) as { benchOpenApi: () => Promise<string[]> }).benchOpenApi() },
  { name: "graph", run: async () => (await import("./graph.js")).benchGraph() },
  { name: "package", run: async () => (await import("./package.js")).benchPackage() },
  { name: "tsc", run: async () => (await import("./tsc.js")).benchTsc() },
  { name: "sigv4", run: async () => (await import("./sigv4.js")).benchSigv4() },
  { name: "endpoints", run: async () => (await import("./endpoints.js")).benchEndpoints() },
  { name: "client-calls", run: async () => (await import("./client.js")).benchClientCalls() },
  { name: "client-bundle", run: async () => (await import("./client.js")).benchClientBundle() },
];

const only = process.argv.slice(2);
for (const bench of benches) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  try {
    for (const line of await bench.run()) process.stdout.write(line + "\n");
  } catch (error) {
    process.stdout.write(`${bench.name}: not run (${error instanceof Error ? error.message : String(error)})\n`);
  }
}
