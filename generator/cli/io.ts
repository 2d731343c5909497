// Where the CLI reads its working directory and writes its output; a parameter so commands can
// run in-process in tests.
//
//   processIo() → { cwd: process.cwd(), stdout: (t) => process.stdout.write(t), stderr: ... }

export interface Io {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
}
