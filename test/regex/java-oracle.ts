// Runs test/regex/JavaOracle.java once over many patterns: one Java process, all requests on
// stdin, one answer line per pattern.
//
//   javaFind([{ pattern: "^a+$", probes: ["aa", "b"] }]) → [{ verdicts: [true, false] }]
//   javaFind([{ pattern: "[z-a]", probes: [] }])         → [{ error: "Illegal character range" }]

import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export type JavaAnswer = { readonly error: string } | { readonly verdicts: readonly (boolean | "X")[] };

/** UTF-16 code units as 4 hex digits each (lone surrogates survive, unlike UTF-8). */
const hex = (s: string): string => {
  let out = "";
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, "0");
  return out;
};

export function javaFind(requests: readonly { pattern: string; probes: readonly string[] }[]): JavaAnswer[] {
  const input = requests.map((r) => [r.pattern, ...r.probes].map(hex).join(" ")).join("\n") + "\n";
  const run = spawnSync("java", ["-Xss16m", resolve(import.meta.dirname, "JavaOracle.java")], {
    input,
    maxBuffer: 1 << 28,
    encoding: "utf8",
  });
  if (run.error) throw new Error(`java could not be run: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`java exited with ${run.status}: ${run.stderr}`);
  const lines = run.stdout.split("\n");
  return requests.map((_, i) => {
    const line = lines[i] ?? "";
    if (line.startsWith("!")) return { error: line.slice(1) };
    return { verdicts: [...line].map((c) => (c === "X" ? "X" : c === "1")) };
  });
}
