// Terminal manners, in-process through main() with a recording Io: --quiet, --reporter json,
// NO_COLOR / FORCE_COLOR, the progress line (TTY only, not under CI), and a --help that names
// every command, flag and exit code.

import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS, main, OPTIONS } from "../../generator/cli/main.js";
import type { Io } from "../../generator/cli/io.js";
import { makeProject, positionOf, removeProject, WEATHER } from "./helpers.js";

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));
function project(files: Record<string, string>): string {
  const dir = makeProject(files, "cli-terminal");
  projects.push(dir);
  return dir;
}

interface Recorded {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string, env: Record<string, string> = {}, tty = false): Promise<Recorded> {
  let stdout = "";
  let stderr = "";
  const io: Io = { cwd, env, stderrIsTTY: tty, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const BROKEN = WEATHER.replace('"smithy.api#Integer"', '"example.weather#Nope"');
const ESC = "\x1b[";

describe("terminal manners", () => {
  it("--quiet: nothing on success, errors only on failure", async () => {
    const dir = project({ "models/weather.json": WEATHER });
    expect(await run(["generate", "--quiet", "--no-format"], dir)).toEqual({ code: 0, stdout: "", stderr: "" });
    const bad = project({ "models/weather.json": BROKEN });
    const failed = await run(["generate", "-q", "--no-format"], bad);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe("");
    expect(failed.stderr).toMatch(/^models\/weather\.json:\d+:\d+: error SMITHY_UNKNOWN_TARGET: /);
  });

  it("--reporter json: one diagnostic per line on stdout, with position; result lines on stderr", async () => {
    const bad = project({ "models/weather.json": BROKEN });
    const failed = await run(["generate", "--reporter", "json", "--no-format"], bad);
    expect(failed.code).toBe(1);
    const lines = failed.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const d = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
    const at = positionOf(BROKEN, '"example.weather#Nope"');
    expect(d).toMatchObject({ severity: "error", code: "SMITHY_UNKNOWN_TARGET", file: "models/weather.json", line: at.line, column: at.column });
    expect(failed.stderr).toBe("");

    const good = project({ "models/weather.json": WEATHER });
    const ok = await run(["generate", "--reporter", "json", "--no-format"], good);
    expect(ok).toEqual({ code: 0, stdout: "", stderr: "Wrote generated/: 13 files (13 new).\n" });
    // --check drift: each file a diagnostic, for CI annotations.
    const bump = project({ "models/weather.json": WEATHER });
    expect((await run(["generate", "--check", "--reporter", "json", "--no-format"], bump)).stdout.trimEnd().split("\n").map((l) => JSON.parse(l).code)).toEqual(
      Array(13).fill("CHECK_MISSING"),
    );
    const unknown = await run(["generate", "--reporter", "xml"], good);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("error CLI_OPTION_VALUE: Unknown reporter `xml`");
  });

  it("colors: on a TTY unless NO_COLOR; FORCE_COLOR wins either way; never in JSON", async () => {
    const bad = project({ "models/weather.json": BROKEN });
    expect((await run(["generate"], bad, {}, true)).stderr).toContain(`${ESC}31m`);
    expect((await run(["generate"], bad, {}, false)).stderr).not.toContain(ESC);
    expect((await run(["generate"], bad, { NO_COLOR: "1" }, true)).stderr).not.toContain(ESC);
    expect((await run(["generate"], bad, { FORCE_COLOR: "1" }, false)).stderr).toContain(`${ESC}31m`);
    expect((await run(["generate"], bad, { FORCE_COLOR: "0" }, true)).stderr).not.toContain(ESC);
    expect((await run(["generate", "--reporter", "json"], bad, { FORCE_COLOR: "1" }, true)).stdout).not.toContain(ESC);
  });

  it("a progress line for several models on a TTY, cleared before the result; none under CI, off a TTY or with --quiet", async () => {
    const files = { "models/a.json": WEATHER, "models/b.json": WEATHER, "models/c.json": WEATHER };
    const tty = await run(["generate", "--no-format"], project(files), {}, true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toBe(["[1/3] a", "[2/3] b", "[3/3] c", ""].map((s) => `\r${ESC}2K${s}`).join(""));
    expect(tty.stdout).toBe("Wrote generated/: 39 files (39 new).\n");
    expect((await run(["generate", "--no-format"], project(files), { CI: "true" }, true)).stderr).toBe("");
    expect((await run(["generate", "--no-format"], project(files), {}, false)).stderr).toBe("");
    expect((await run(["generate", "--no-format", "--quiet"], project(files), {}, true)).stderr).toBe("");
  });

  it("--help names every command, every flag and the exit codes 0, 1, 2", async () => {
    const help = (await run(["--help"], project({}))).stdout;
    for (const command of COMMANDS) expect(help).toContain(`  ${command}`.replace("  help", "--help"));
    for (const flag of Object.keys(OPTIONS)) expect(help).toContain(`--${flag}`);
    expect(help).toMatch(/Exit codes:\n  0  success[^\n]*\n  1  errors[^\n]*\n(?:[^\n]*\n)*?  2  internal error/);
    expect(help).toContain("NO_COLOR");
    expect(help).toContain("FORCE_COLOR");
  });
});
