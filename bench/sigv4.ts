// Signatures per second of the generated SigV4 signer (templates/sigv4.ts.hbs, WebCrypto) against
// the AWS SDK v3's `@smithy/signature-v4` with the SHA-256 the Node SDK uses (node:crypto, via
// `@smithy/core/checksum`), in the same process: the same request, rounds interleaved, median
// of each. Every call is awaited (both are async), one after the other.
//
//   await benchSigv4()
//   → ["sigv4: AdminCreateUser (JSON, 163 B), createSigner 3.9 k/s, @smithy/signature-v4 5.7.5 (node:crypto SHA-256) 12 k/s → 0.33× (signRequest without a key cache …)",
//      "sigv4: GetFunction (restJson1 GET, no body), ...", "sigv4: PutObject (S3, 256 KiB binary body), ..."]
//
// Each WebCrypto call is a hop to libuv's thread pool in Node (tens of microseconds, more on a
// busy machine); a signature with the key cached is 3 of them (the body's digest, the canonical
// request's digest, the HMAC), 2 for an empty body. node:crypto hashes small inputs synchronously.
//
// Our client keeps one `createSigner()` (signing keys cached in its closure), the SDK's signer its
// module-level key cache: both derive the key once. Before timing, both sign each request alike
// (every header), or the bench stops: it must compare the same work.

import { createRequire } from "node:module";
import { Sha256 } from "@smithy/core/checksum";
import { HttpRequest } from "@smithy/core/protocols";
import { SignatureV4 } from "@smithy/signature-v4";
import { importSigv4, type SignableRequest, type SigningOptions } from "../test/sigv4/load.js";

const ROUNDS = 7;
const DATE = new Date("2026-11-30T06:00:00Z");
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "session-token-example" };

interface Workload {
  readonly name: string;
  readonly batch: number;
  readonly ours: SignableRequest;
  readonly options: SigningOptions;
  readonly sdk: HttpRequest;
}

function workloads(): Workload[] {
  const json = JSON.stringify({ UserPoolId: "us-east-1_EXAMPLE1", Username: "ana@example.com", TemporaryPassword: "Temp-Passw0rd!", UserAttributes: [{ Name: "email", Value: "ana@example.com" }] });
  const jsonHeaders = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.AdminCreateUser", "x-amz-user-agent": "shapesmith" };
  const binary = new Uint8Array(256 * 1024).map((_, i) => (i * 31) & 0xff);
  const s3Headers = { "content-type": "application/octet-stream", "content-length": String(binary.length) };
  return [
    {
      name: `AdminCreateUser (JSON, ${json.length} B)`,
      batch: 4000,
      ours: { method: "POST", url: "https://cognito-idp.us-east-1.amazonaws.com/", headers: jsonHeaders, body: json },
      options: { credentials: CREDENTIALS, region: "us-east-1", service: "cognito-idp", date: DATE, applyChecksum: true },
      sdk: new HttpRequest({ method: "POST", protocol: "https:", hostname: "cognito-idp.us-east-1.amazonaws.com", path: "/", headers: { ...jsonHeaders, host: "cognito-idp.us-east-1.amazonaws.com" }, body: json }),
    },
    {
      name: "GetFunction (restJson1 GET, no body)",
      batch: 4000,
      ours: { method: "GET", url: "https://lambda.eu-west-3.amazonaws.com/2015-03-31/functions/my-function?Qualifier=%24LATEST", headers: {} },
      options: { credentials: CREDENTIALS, region: "eu-west-3", service: "lambda", date: DATE },
      sdk: new HttpRequest({ method: "GET", protocol: "https:", hostname: "lambda.eu-west-3.amazonaws.com", path: "/2015-03-31/functions/my-function", query: { Qualifier: "$LATEST" }, headers: { host: "lambda.eu-west-3.amazonaws.com" } }),
    },
    {
      name: "PutObject (S3, 256 KiB binary body)",
      batch: 300,
      ours: { method: "PUT", url: "https://bucket.s3.us-east-1.amazonaws.com/photos/2026/a%20b.jpg?x-id=PutObject", headers: s3Headers, body: binary },
      options: { credentials: CREDENTIALS, region: "us-east-1", service: "s3", date: DATE, uriEscapePath: false, applyChecksum: true },
      sdk: new HttpRequest({ method: "PUT", protocol: "https:", hostname: "bucket.s3.us-east-1.amazonaws.com", path: "/photos/2026/a%20b.jpg", query: { "x-id": "PutObject" }, headers: { ...s3Headers, host: "bucket.s3.us-east-1.amazonaws.com" }, body: binary }),
    },
  ];
}

export async function benchSigv4(): Promise<string[]> {
  const version = (createRequire(import.meta.url)("@smithy/signature-v4/package.json") as { version: string }).version;
  const ours = await importSigv4("bench");
  const lines: string[] = [];
  for (const w of workloads()) {
    const signer = ours.createSigner();
    const sdk = new SignatureV4({ credentials: w.options.credentials, region: w.options.region, service: w.options.service, sha256: Sha256, uriEscapePath: w.options.uriEscapePath ?? true, applyChecksum: w.options.applyChecksum ?? false });
    const sdkSign = async () => ((await sdk.sign(HttpRequest.clone(w.sdk), { signingDate: DATE })) as HttpRequest).headers;
    const mine = (await signer.signRequest(w.ours, w.options)).headers;
    const theirs = await sdkSign();
    if (JSON.stringify(Object.entries(mine).sort()) !== JSON.stringify(Object.entries(theirs).sort())) {
      throw new Error(`${w.name}: our signed headers and the SDK's differ, the benchmark would compare unlike work`);
    }
    const rates = { cached: [] as number[], oneShot: [] as number[], sdk: [] as number[] };
    const time = async (sign: () => Promise<unknown>, n: number) => {
      const start = performance.now();
      for (let i = 0; i < n; i++) await sign();
      return n / ((performance.now() - start) / 1000);
    };
    await time(() => signer.signRequest(w.ours, w.options), w.batch / 4);
    await time(sdkSign, w.batch / 4);
    for (let round = 0; round < ROUNDS; round++) {
      rates.cached.push(await time(() => signer.signRequest(w.ours, w.options), w.batch));
      rates.sdk.push(await time(sdkSign, w.batch));
      rates.oneShot.push(await time(() => ours.signRequest(w.ours, w.options), w.batch));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const rate = (r: number) => (r >= 1e6 ? `${(r / 1e6).toFixed(2)} M/s` : r >= 1e4 ? `${(r / 1e3).toFixed(0)} k/s` : `${(r / 1e3).toFixed(2)} k/s`);
    const [cached, oneShot, anchor] = [median(rates.cached), median(rates.oneShot), median(rates.sdk)];
    lines.push(
      `sigv4: ${w.name}, createSigner ${rate(cached)}, @smithy/signature-v4 ${version} (node:crypto SHA-256) ${rate(anchor)} → ${(cached / anchor).toFixed(2)}× (signRequest without a key cache ${rate(oneShot)} → ${(oneShot / anchor).toFixed(2)}×)`,
    );
  }
  return lines;
}
