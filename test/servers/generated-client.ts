// Our client for the REAL Cognito model (../shared/corpus/aws-smithy/cognito-identity-provider.json),
// generated through the core (no CLI) into a fresh folder under .tmp/ at test time, bundled by
// esbuild (types stripped, one ES module) and imported: the client, runtime.ts and errors.ts.
//
//   const ours = await importCognitoClient(await generateCognito("servers-client"));
//   const client = ours.client.createCognitoIdentityProviderClient({ region: "us-east-1", endpoint, credentials });
//   await client.initiateAuth({ AuthFlow: "USER_PASSWORD_AUTH", … })   // → { AuthenticationResult: { AccessToken: "eyJ…", … } }
//
// One bundle, so `instanceof` works across the three files.

import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { generateFrom, writeTree } from "../helpers/generate.js";
import { corpusFile } from "../helpers/paths.js";

export const NAME = "cognito-identity-provider";
export const FACTORY = "createCognitoIdentityProviderClient";

/** A client method: `initiateAuth(input, { signal, timeoutMs })`. */
export type Method = (input: unknown, options?: { signal?: AbortSignal; timeoutMs?: number }) => Promise<Record<string, unknown>>;
export type ErrorClass = abstract new (...args: never[]) => Error;

/** What the tests use of the generated folder. */
export interface OurCognito {
  readonly client: { readonly [FACTORY]: (config: Record<string, unknown>) => Readonly<Record<string, Method>> };
  readonly runtime: { readonly ServiceError: ErrorClass; readonly UnknownServiceError: ErrorClass; readonly ResponseError: ErrorClass };
  readonly errors: Readonly<Record<string, ErrorClass>>;
}

/** Generates the real Cognito model (format off) into a fresh `.tmp/<label>-*` folder; returns that folder. */
export async function generateCognito(label: string): Promise<string> {
  const result = await generateFrom([{ name: NAME, paths: [corpusFile(`aws-smithy/${NAME}.json`)] }], { format: false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`the real Cognito model does not generate: ${errors.map((d) => d.message).join("; ")}`);
  return writeTree(result.files, label);
}

/** The generated `client.ts` of a folder written by generateCognito; throws, naming it, when absent. */
export function clientFile(dir: string): string {
  const file = join(dir, NAME, "client.ts");
  if (!existsSync(file)) throw new Error(`no client generated: ${file} is missing (issue 11: the client is generated for AWS models)`);
  return file;
}

/** Bundles client.ts, runtime.ts and errors.ts of the folder into one ES module and imports it. */
export async function importCognitoClient(dir: string): Promise<OurCognito> {
  clientFile(dir);
  const entry = join(dir, "node-entry.ts");
  writeFileSync(
    entry,
    [`export * as client from "./${NAME}/client.js";`, `export * as runtime from "./${NAME}/runtime.js";`, `export * as errors from "./${NAME}/errors.js";`, ""].join("\n"),
  );
  const outfile = join(dir, "node-bundle.mjs");
  await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "neutral", target: "node20", outfile, logLevel: "silent" });
  const module = (await import(pathToFileURL(outfile).href)) as OurCognito;
  if (typeof module.client[FACTORY] !== "function") throw new Error(`client.ts exports no ${FACTORY}`);
  return module;
}
