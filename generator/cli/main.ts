// The command line: parses arguments, runs a command, maps the outcome to an exit code.
//
//   main(["generate", "--check"]) → 0 (all files match) or 1 (stale, missing or extra files)
//   main(["generate", "--outt", "x"]) → 1, "error CLI_UNKNOWN_OPTION: Unknown option `--outt`" + hint
//
// Exit codes: 0 success, 1 a user's mistake or a failed check (diagnostics printed, nothing
// written), 2 an internal error (a bug in Shapesmith: "internal error" and the stack).
// This module loads nothing heavy (startup matters): commands, the printer and the core are
// imported when needed.

import { packageRoot } from "./package-root.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DiagnosticError, type Diagnostic } from "../diagnostics.js";
import { processIo, type Io } from "./io.js";

export const OPTIONS = {
  config: { type: "string" },
  out: { type: "string" },
  check: { type: "boolean" },
  verbose: { type: "boolean" },
  "no-format": { type: "boolean" },
  formatter: { type: "string" },
  watch: { type: "boolean", short: "w" },
  quiet: { type: "boolean", short: "q" },
  reporter: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

export const COMMANDS = ["generate", "init", "ast", "help"] as const;

const REPORTERS = ["human", "json"] as const;

/** `--formatter` values (generator/options.ts FORMATTER_CHOICES; repeated here so --help loads nothing). */
const FORMATTERS = ["auto", "oxfmt", "prettier"] as const;

/** Which options each command accepts (besides --help, --version). */
const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  generate: ["config", "out", "check", "verbose", "no-format", "formatter", "watch", "quiet", "reporter"],
  init: ["quiet"],
  ast: ["verbose"],
  help: [],
};

export const USAGE = `Usage: shapesmith <command> [options]

Commands:
  generate [MODEL_FILE...]   Generate TypeScript from the models.
                             With no files: every model in the models folder (default models/)
                             into the output folder (default generated/). Each file is one model,
                             named after the file (models/weather.json → generated/weather/);
                             each subfolder is one model made of all its files.
                             With files: those models, into the folder given by --out.
    --config F               Config file (default: shapesmith.config.json, if present).
    --out DIR                Output folder; a run writes all of it or none (a killed run is finished by the next).
    --check                  Write nothing; exit 1 naming every stale, missing or extra file.
    -w, --watch              Regenerate when a model, template or the config changes (one line
                             per run; a bad edit prints its diagnostics and keeps watching).
    -q, --quiet              Print errors only (no result lines, no progress).
    --reporter human|json    json: diagnostics as JSON, one per line on stdout (for editors and
                             CI annotations); result lines go to stderr.
    --verbose                Also print informational notes.
    --formatter auto|oxfmt|prettier
                             auto (default): prettier with your prettier config when one is
                             found for the output folder, otherwise oxfmt (prettier's layout,
                             in native code, ~25x faster). prettier: always prettier.
                             oxfmt: always oxfmt, ignoring any prettier config.
    --no-format              Skip formatting (faster; the printers' own layout).
  init                       Start a project here: shapesmith.config.json (with $schema), an
                             example model models/weather.smithy and a "generate" npm script.
                             Never overwrites a file.
  ast FILE...                Load the Smithy files together; print the model as JSON AST.

Options:
  -h, --help                 Show this help.
  -v, --version              Show the version.

Config (shapesmith.config.json, optional; paths relative to it; schema in the package:
shapesmith/config.schema.json):
  { "models": "models", "out": "generated", "templates": "templates", "format": true, "formatter": "auto",
    "artifacts": ["types", "serializers", "deserializers", "validators", "redact"],
    "perModel": { "weather": { "out": "src/weather", "artifacts": ["types"] } } }
  Files in the templates folder (header.hbs, index.ts.hbs, runtime.ts.hbs) replace the built-in
  templates one by one.

Environment:
  NO_COLOR=1                 No colors.    FORCE_COLOR=1 (or 0): colors on (or off) everywhere.
  CI=true                    No progress line.

Exit codes:
  0  success (with --check: everything is up to date)
  1  errors in the input or the config, a bad command line, or --check found differences
  2  internal error (a bug in Shapesmith; the message says so)
`;

/** Runs the CLI with `args` (without `node` and the script) and returns the exit code. */
export async function main(args: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof DiagnosticError) return await usageError(error.diagnostic, io);
    return internalError(error, io);
  }
}

/** Prints an internal error (a bug, not a user's mistake) with its stack; exit code 2. */
export function internalError(error: unknown, io: Io): number {
  const stack = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  io.stderr(`internal error: this is a bug in Shapesmith, not in your input. Please report it with the command you ran.\n${stack}\n`);
  return 2;
}

async function run(args: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(await argumentDiagnostic(error), io);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    io.stdout(`shapesmith ${version()}\n`);
    return 0;
  }
  if (values.help || command === "help") {
    io.stdout(USAGE);
    return 0;
  }
  if (command === undefined) {
    io.stderr(USAGE);
    return 1;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    const { nearest } = await import("../suggest.js");
    const near = nearest(command, COMMANDS);
    return usageError(
      {
        code: "CLI_UNKNOWN_COMMAND",
        severity: "error",
        message: `Unknown command \`${command}\``,
        hint: `${near ? `Did you mean \`${near}\`? ` : ""}Commands: ${COMMANDS.filter((c) => c !== "help").join(", ")}; see \`shapesmith --help\`.`,
      },
      io,
    );
  }
  const allowed = COMMAND_OPTIONS[command] ?? [];
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && name !== "help" && name !== "version" && !allowed.includes(name)) {
      return usageError(
        {
          code: "CLI_OPTION_NOT_ALLOWED",
          severity: "error",
          message: `The option \`--${name}\` does not apply to \`shapesmith ${command}\``,
          hint: `Options of ${command}: ${allowed.length > 0 ? allowed.map((o) => `--${o}`).join(", ") : "none"}.`,
        },
        io,
      );
    }
  }
  const verbose = values.verbose === true;
  if (values.reporter !== undefined && !(REPORTERS as readonly string[]).includes(values.reporter)) {
    return usageError(
      {
        code: "CLI_OPTION_VALUE",
        severity: "error",
        message: `Unknown reporter \`${values.reporter}\``,
        hint: `Reporters: ${REPORTERS.join(", ")}.`,
      },
      io,
    );
  }
  if (values.formatter !== undefined && !(FORMATTERS as readonly string[]).includes(values.formatter)) {
    const { nearest } = await import("../suggest.js");
    const near = nearest(values.formatter, FORMATTERS);
    return usageError(
      {
        code: "CLI_OPTION_VALUE",
        severity: "error",
        message: `Unknown formatter \`${values.formatter}\``,
        hint: `${near ? `Did you mean \`${near}\`? ` : ""}Formatters: ${FORMATTERS.join(", ")}.`,
      },
      io,
    );
  }
  if (command === "generate") {
    const flags = {
      models: rest,
      config: values.config,
      out: values.out,
      check: values.check === true,
      verbose,
      format: values["no-format"] !== true,
      formatter: values.formatter as (typeof FORMATTERS)[number] | undefined,
      quiet: values.quiet === true,
      json: values.reporter === "json",
    };
    if (values.watch === true) {
      if (flags.check) {
        return usageError(
          { code: "CLI_OPTION_CONFLICT", severity: "error", message: "--watch and --check do not go together", hint: "Use --check once, in CI; --watch while editing." },
          io,
        );
      }
      const { runWatch } = await import("./watch.js");
      return runWatch(flags, io);
    }
    const { runGenerate } = await import("./generate.js");
    return runGenerate(flags, io);
  }
  if (command === "init") {
    if (rest.length > 0) {
      return usageError(
        { code: "CLI_ARGUMENTS", severity: "error", message: "`shapesmith init` takes no arguments", hint: "Run it in the folder of your project." },
        io,
      );
    }
    const { runInit } = await import("./init.js");
    return runInit(io, values.quiet === true);
  }
  const { runAstCommand } = await import("./ast-command.js");
  return runAstCommand(rest, verbose, io);
}

async function usageError(diagnostic: Diagnostic, io: Io): Promise<number> {
  const { formatDiagnostics } = await import("./print.js");
  io.stderr(formatDiagnostics([diagnostic], (file) => ({ display: file }), true));
  return 1;
}

/** Turns a node:util parseArgs error into a diagnostic with a hint. */
async function argumentDiagnostic(error: unknown): Promise<Diagnostic> {
  const { nearest } = await import("../suggest.js");
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  const optionNames = Object.entries(OPTIONS).map(([name]) => `--${name}`);
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    const near = flag.startsWith("--") ? nearest(flag, optionNames) : undefined;
    return {
      code: "CLI_UNKNOWN_OPTION",
      severity: "error",
      message: `Unknown option \`${flag}\``,
      hint: `${near ? `Did you mean \`${near}\`? ` : ""}Options: ${optionNames.join(", ")}; see \`shapesmith --help\`.`,
    };
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? "option";
    const takesValue = Object.entries(OPTIONS).some(([name, o]) => `--${name}` === flag && o.type === "string");
    return {
      code: "CLI_OPTION_VALUE",
      severity: "error",
      message: takesValue ? `The option \`${flag}\` needs a value` : `The option \`${flag}\` takes no value`,
      hint: takesValue ? `For example: ${flag} generated` : `Write ${flag} alone.`,
    };
  }
  return {
    code: "CLI_ARGUMENTS",
    severity: "error",
    message: message.split("\n")[0] ?? message,
    hint: "See `shapesmith --help`.",
  };
}

function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "unknown";
}
