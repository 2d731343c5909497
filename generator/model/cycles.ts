// Cycles in a graph of shapes: strongly connected components, found without recursion so that
// a chain of any length never overflows the call stack.
//
//   stronglyConnected(["a", "b", "c"], (n) => ({ a: ["b"], b: ["a"], c: [] })[n])
//   → Map { "a" → 0, "b" → 0, "c" → 1 }    (a and b are on one cycle; c on none)
//
// A node is on a cycle when its component has two or more nodes, or when it has an edge to
// itself.

/** Strongly connected components (Tarjan's algorithm, with an explicit stack): node → component number. */
export function stronglyConnected(nodes: readonly string[], next: (node: string) => readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Map<string, number>();
  let counter = 0;
  let componentCount = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; children: readonly string[]; i: number }[] = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, children: next(node), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.children.length) {
        const child = frame.children[frame.i++]!;
        if (!index.has(child)) open(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
          onStack.delete(top);
          result.set(top, componentCount);
          if (top === frame.node) break;
        }
        componentCount++;
      }
    }
  }
  return result;
}

