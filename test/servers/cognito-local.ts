// Starts the offline Cognito server of the npm package `cognito-local` for a test, on a free
// loopback port, its state in a fresh temp folder (its cwd: it keeps `./.cognito/`), with the
// offline guard preloaded (offline-guard.cjs: a connection outside loopback is refused and
// reported); stops it and removes the folder afterwards.
//
//   const server = await startCognitoLocal();   // → { url: "http://127.0.0.1:41327", port: 41327, … }
//   … drive it at server.url …
//   await server.stop();                        // → server.blocked() lists what the guard refused: []
//
// Ready means its log says "Cognito Local running on http://127.0.0.1:<port>" (about 1 s).

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers/paths.js";

export const COGNITO_LOCAL = join(ROOT, "node_modules/cognito-local/lib/bin/start.js");
export const OFFLINE_GUARD = join(ROOT, "test/servers/offline-guard.cjs");
const READY_MS = 20_000;

export interface CognitoLocal {
  /** `http://127.0.0.1:<port>`: POST / with `X-Amz-Target: AWSCognitoIdentityProviderService.<Op>`. */
  readonly url: string;
  readonly port: number;
  /** The server's cwd (a fresh temp folder; it keeps its state in `.cognito/` there). */
  readonly stateDir: string;
  /** Everything the server wrote (stdout and stderr), ANSI colours removed. */
  output(): string;
  /** The connections and lookups the offline guard refused, one line each. */
  blocked(): string[];
  /** Stops the server (SIGTERM, SIGKILL after 3 s) and removes its state folder. */
  stop(): Promise<void>;
}

/** A port the kernel just handed out on 127.0.0.1 (free at that moment). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startCognitoLocal(): Promise<CognitoLocal> {
  // Another process may take the port between freePort() and the server's listen: try again.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await freePort());
    } catch (error) {
      lastError = error;
      if (!(error instanceof Error && /EADDRINUSE/.test(error.message))) throw error;
    }
  }
  throw lastError;
}

async function startOnce(port: number): Promise<CognitoLocal> {
  const dir = mkdtempSync(join(tmpdir(), "shapesmith-cognito-local-"));
  let text = "";
  const child: ChildProcess = spawn(process.execPath, ["--require", OFFLINE_GUARD, COGNITO_LOCAL], {
    cwd: dir,
    env: { ...cleanEnv(), HOST: "127.0.0.1", PORT: String(port), NO_COLOR: "1", AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const append = (chunk: Buffer) => {
    text += chunk.toString("utf8").replace(/\u001b\[[0-9;]*m/g, "");
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`cognito-local did not start within ${READY_MS} ms:\n${text}`)), READY_MS);
      const check = () => {
        if (text.includes(`Cognito Local running on ${url}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on("data", check);
      child.stderr?.on("data", check);
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`cognito-local exited (${signal ?? code}) before it was ready (${COGNITO_LOCAL}; npm ci installs it):\n${text}`));
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    port,
    stateDir: dir,
    output: () => text,
    blocked: () => text.split("\n").filter((line) => line.startsWith("offline-guard: blocked ")),
    stop,
  };
}

/** The environment without AWS settings of the machine (profiles, endpoints, credentials). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("AWS_")) env[key] = value;
  return env;
}
