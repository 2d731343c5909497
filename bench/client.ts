// Our generated client against the AWS SDK v3 client (`@aws-sdk/client-cognito-identity-provider`),
// both measured in the same run: calls per second to the same local server, and the size of an
// app that calls only InitiateAuth.
//
//   await benchClientCalls()  → ["client calls (cognito-local on loopback, sequential, median of 7 rounds): InitiateAuth (unsigned) ours 410/s, SDK 330/s → 1.24×; client CPU 0.21 ms/call, SDK 0.65 ms/call → 0.32×",
//                                "… DescribeUserPoolClient (SigV4) …"]
//   await benchClientBundle() → ["client bundle, an app calling only InitiateAuth (esbuild, minified, browser): ours 23.3 kB (7.2 kB gzip), SDK 170.2 kB (53.2 kB gzip) → 0.137× (0.135× gzip)", …]
//
// Calls: one cognito-local (test/servers/cognito-local.ts) on a loopback port, a pool, app client
// and user set up once; each client then makes the same call one at a time, in interleaved rounds
// (median calls/s of each). Both outputs are checked to have the same members first (but for
// members ours fills with their @default, test/servers/outputs.ts). The server is
// most of each call's time (InitiateAuth signs three RS256 JWTs): "client CPU" is this process's
// CPU time (process.cpuUsage) per call, what the client itself costs.
// Our client: the real Cognito model generated in-process into .tmp/ (test/servers/generated-client.ts).
//
// Bundle: the same tiny app written for each client, bundled by esbuild for the browser, minified;
// gzip at level 9. Ours in its tree-shakable form (a context and the `initiateAuth` function) and as
// the whole client object (every method); the SDK in its modular form (client + InitiateAuthCommand).

import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, CreateUserPoolCommand, AdminCreateUserCommand, AdminSetUserPasswordCommand, DescribeUserPoolClientCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { startCognitoLocal } from "../test/servers/cognito-local.js";
import { withoutFilledDefaults } from "../test/servers/outputs.js";
import { FACTORY, NAME, clientFile, generateCognito, importCognitoClient, type Method } from "../test/servers/generated-client.js";

const ROOT = resolve(import.meta.dirname, "..");
const ROUNDS = 7;
const BATCH = 40;
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const EMAIL = "bench@example.com";
const PASSWORD = "Bench-Passw0rd!";

function sdkVersion(): string {
  return (createRequire(import.meta.url)("@aws-sdk/client-cognito-identity-provider/package.json") as { version: string }).version;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The members of an output, recursively (values differ between calls: tokens, dates). */
function membersOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(membersOf);
  if (value instanceof Date) return "Date";
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).filter((k) => k !== "$metadata").sort().map((k) => [k, membersOf((value as Record<string, unknown>)[k])]));
  }
  return typeof value;
}

interface Rates {
  readonly perSecond: number;
  readonly cpuMsPerCall: number;
}

async function timeBatch(call: () => Promise<unknown>): Promise<Rates> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) await call();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { perSecond: BATCH / seconds, cpuMsPerCall: (used.user + used.system) / 1000 / BATCH };
}

export async function benchClientCalls(): Promise<string[]> {
  process.env["AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING"] = "1";
  const dir = await generateCognito("bench-client");
  const ours = await importCognitoClient(dir).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const server = await startCognitoLocal();
  const sdk = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: server.url, credentials: CREDENTIALS, maxAttempts: 1 });
  try {
    const pool = await sdk.send(new CreateUserPoolCommand({ PoolName: "bench" }));
    const UserPoolId = pool.UserPool!.Id!;
    const app = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: "bench", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] }));
    const ClientId = app.UserPoolClient!.ClientId!;
    await sdk.send(new AdminCreateUserCommand({ UserPoolId, Username: EMAIL, MessageAction: "SUPPRESS" }));
    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: EMAIL, Password: PASSWORD, Permanent: true }));
    // Whether our client signed its last request (it must for DescribeUserPoolClient).
    let lastSigned = false;
    let noting = true;
    const fetchAndNote = (url: string, init: { headers?: unknown }) => {
      if (noting) lastSigned = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]).has("authorization");
      return fetch(url, init as RequestInit);
    };
    const client = ours.client[FACTORY]({ region: "us-east-1", endpoint: server.url, credentials: CREDENTIALS, maxAttempts: 1, fetch: fetchAndNote });

    const auth = { AuthFlow: "USER_PASSWORD_AUTH" as const, ClientId, AuthParameters: { USERNAME: EMAIL, PASSWORD } };
    const cases: { label: string; ours: () => Promise<unknown>; sdk: () => Promise<unknown> }[] = [
      { label: "InitiateAuth (unsigned)", ours: () => client["initiateAuth"]!(auth), sdk: () => sdk.send(new InitiateAuthCommand(auth)) },
      {
        label: "DescribeUserPoolClient (SigV4)",
        ours: () => (client["describeUserPoolClient"] as Method)({ UserPoolId, ClientId }),
        sdk: () => sdk.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId })),
      },
    ];
    const lines: string[] = [];
    for (const c of cases) {
      noting = true;
      const [b, filled] = [await c.sdk(), [] as string[]];
      const a = withoutFilledDefaults(await c.ours(), b, c.label, filled);
      if (JSON.stringify(membersOf(a)) !== JSON.stringify(membersOf(b))) {
        throw new Error(`${c.label}: our output and the SDK's differ: ${JSON.stringify(membersOf(a))} vs ${JSON.stringify(membersOf(b))}`);
      }
      noting = false;
      const label = c.label.endsWith("(SigV4)") && !lastSigned ? `${c.label.replace(" (SigV4)", "")} (the SDK signs it, ours sent it unsigned)` : c.label;
      for (let i = 0; i < 20; i++) {
        await c.ours();
        await c.sdk();
      }
      const mine: Rates[] = [];
      const theirs: Rates[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        mine.push(await timeBatch(c.ours));
        theirs.push(await timeBatch(c.sdk));
      }
      const rate = median(mine.map((r) => r.perSecond));
      const sdkRate = median(theirs.map((r) => r.perSecond));
      const cpu = median(mine.map((r) => r.cpuMsPerCall));
      const sdkCpu = median(theirs.map((r) => r.cpuMsPerCall));
      lines.push(
        `client calls, ${label} to cognito-local (loopback, one at a time, median of ${ROUNDS} interleaved rounds of ${BATCH}): ` +
          `ours ${rate.toFixed(0)}/s, @aws-sdk/client-cognito-identity-provider ${sdkVersion()} ${sdkRate.toFixed(0)}/s → ${(rate / sdkRate).toFixed(2)}×; ` +
          `client CPU per call ours ${cpu.toFixed(2)} ms, SDK ${sdkCpu.toFixed(2)} ms → ${(cpu / sdkCpu).toFixed(2)}×`,
      );
    }
    return lines;
  } finally {
    sdk.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const SIGN_IN = `{ AuthFlow: "USER_PASSWORD_AUTH", ClientId: "3n4b5urk1ft4fl3mg5e62d9ado", AuthParameters: { USERNAME, PASSWORD } }`;

/** The same app for each client: sign a user in with USER_PASSWORD_AUTH, nothing else. */
const APPS = {
  sdk: [
    `import { CognitoIdentityProviderClient, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";`,
    `const client = new CognitoIdentityProviderClient({ region: "us-east-1" });`,
    `export const signIn = (USERNAME: string, PASSWORD: string) => client.send(new InitiateAuthCommand(${SIGN_IN}));`,
  ],
  oursFunction: [
    `import { createCognitoIdentityProviderContext, initiateAuth } from "./${NAME}/client.js";`,
    `const context = createCognitoIdentityProviderContext({ region: "us-east-1" });`,
    `export const signIn = (USERNAME: string, PASSWORD: string) => initiateAuth(context, ${SIGN_IN});`,
  ],
  oursClient: [
    `import { ${FACTORY} } from "./${NAME}/client.js";`,
    `const client = ${FACTORY}({ region: "us-east-1" });`,
    `export const signIn = (USERNAME: string, PASSWORD: string) => client.initiateAuth(${SIGN_IN});`,
  ],
};

/** Bytes of the app bundled by esbuild for the browser, minified, and gzipped (level 9). */
export async function bundleSize(dir: string, name: string, lines: readonly string[]): Promise<{ bytes: number; gzip: number; code: Uint8Array }> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, lines.join("\n") + "\n");
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent", absWorkingDir: ROOT });
  const code = result.outputFiles[0]!.contents;
  return { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, code };
}

export async function benchClientBundle(): Promise<string[]> {
  const dir = await generateCognito("bench-client-bundle");
  try {
    const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
    const sdk = await bundleSize(dir, "sdk-app", APPS.sdk);
    const hasFunctions = /export (async )?function createCognitoIdentityProviderContext\b/.test(readFileSync(clientFile(dir), "utf8"));
    const forms: [string, readonly string[]][] = [
      ...(hasFunctions ? [["context + initiateAuth function", APPS.oursFunction] as [string, readonly string[]]] : []),
      ["whole client object", APPS.oursClient],
    ];
    const lines: string[] = [];
    for (const [form, app] of forms) {
      const mine = await bundleSize(dir, `ours-${form.split(" ")[0]}`, app);
      lines.push(
        `client bundle, an app calling only InitiateAuth (esbuild --bundle --minify, browser): ours (${form}) ${kB(mine.bytes)} (${kB(mine.gzip)} gzip), ` +
          `@aws-sdk/client-cognito-identity-provider ${sdkVersion()} ${kB(sdk.bytes)} (${kB(sdk.gzip)} gzip) → ${(mine.bytes / sdk.bytes).toFixed(3)}× (${(mine.gzip / sdk.gzip).toFixed(3)}× gzip; aim ≤ 0.1×)`,
      );
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
