// Renders the built-in `sigv4.ts` template into a folder of its own (as generation would emit it
// beside a client) and imports it; the test and the bench share this. A variant may rewrite the
// source first (the tests' deliberately broken signers).
//
//   await importSigv4("ours") → { signRequest, createSigner, environmentCredentials, source, file }
//   (.tmp/sigv4-<pid>/ours/sigv4.ts and its transpiled sigv4.js)

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { loadTemplates } from "../../generator/cli/templates.js";
import { TMP } from "../helpers/paths.js";

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}
export interface SignableRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}
export interface SigningOptions {
  readonly credentials: Credentials;
  readonly region: string;
  readonly service: string;
  readonly date?: Date;
  readonly uriEscapePath?: boolean;
  readonly applyChecksum?: boolean;
  readonly unsignedPayload?: boolean;
}
export interface Sigv4Module {
  signRequest(request: SignableRequest, options: SigningOptions): Promise<SignableRequest>;
  createSigner(): { signRequest(request: SignableRequest, options: SigningOptions): Promise<SignableRequest> };
  environmentCredentials(): Credentials | undefined;
}

/** The rendered TypeScript of the built-in template. */
export function sigv4Source(): string {
  return loadTemplates().helper("sigv4.ts", { header: "// sigv4.ts as generation emits it (test render)" });
}

export async function importSigv4(
  name: string,
  rewrite: (source: string) => string = (s) => s,
): Promise<Sigv4Module & { readonly source: string; readonly dir: string; readonly js: string }> {
  const source = rewrite(sigv4Source());
  const dir = join(TMP, `sigv4-${process.pid}`, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "sigv4.ts"), source);
  const js = (await transform(source, { loader: "ts", format: "esm", target: "es2022" })).code;
  writeFileSync(join(dir, "sigv4.js"), js);
  const module = (await import(pathToFileURL(join(dir, "sigv4.js")).href)) as Sigv4Module;
  return { ...module, source, dir, js };
}
