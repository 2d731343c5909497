// Where the CLI reads its working directory and environment and writes its output; a parameter
// so commands can run in-process in tests.
//
//   processIo() → { cwd: process.cwd(), env: process.env, stderrIsTTY: true,
//                   stdout: (t) => process.stdout.write(t), stderr: ... }

export interface Io {
  readonly cwd: string;
  /** The environment (NO_COLOR, FORCE_COLOR, CI). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress line, colors). */
  readonly stderrIsTTY?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
}

/** The process's working directory (for the API's default `cwd`). */
export function processCwd(): string {
  return process.cwd();
}
