// Runs one task per corpus document, `jobs` at a time, the largest document first, and never two
// heavy ones together (Microsoft Graph's need gigabytes of heap each). Results come back in the
// order of `files`, whatever order they finished in.
//
//   await largestFirst(["small.json.gz", "graph.json.gz"], { jobs: 2, size, heavyBytes: 1e6, run, done })
//     → runs graph.json.gz first, small.json.gz beside it; → [result of small, result of graph]

export interface LargestFirstOptions<T> {
  readonly jobs: number;
  /** The size that orders the documents (compressed bytes on disk). */
  readonly size: (file: string) => number;
  /** From this size a document is heavy: at most one heavy document runs at a time. */
  readonly heavyBytes: number;
  readonly run: (file: string) => Promise<T>;
  /** Called as each document finishes (to print its line). */
  readonly done?: (file: string, result: T) => void;
}

export async function largestFirst<T>(files: readonly string[], options: LargestFirstOptions<T>): Promise<T[]> {
  const { size, heavyBytes } = options;
  const queue = [...files].sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1));
  const results = new Map<string, T>();
  let heavyRunning = false;
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = queue.findIndex((file) => !heavyRunning || size(file) < heavyBytes);
      if (index < 0) {
        if (queue.length === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      const [file] = queue.splice(index, 1) as [string];
      const heavy = size(file) >= heavyBytes;
      if (heavy) heavyRunning = true;
      const result = await options.run(file);
      if (heavy) heavyRunning = false;
      results.set(file, result);
      options.done?.(file, result);
    }
  };
  await Promise.all(Array.from({ length: options.jobs }, worker));
  return files.map((file) => results.get(file)!);
}
