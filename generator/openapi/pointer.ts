// JSON pointers (RFC 6901) as the OpenAPI front end uses them: strings, built and split here.
//
//   childPointer("/components/schemas", "a/b") → "/components/schemas/a~1b"
//   pointerSegments("/paths/~1pets/get")       → ["paths", "/pets", "get"]

export function childPointer(pointer: string, ...segments: (string | number)[]): string {
  let out = pointer;
  for (const segment of segments) out += "/" + escapeSegment(String(segment));
  return out;
}

/** One segment as a pointer writes it: `~` → `~0`, `/` → `~1`. */
export function escapeSegment(segment: string): string {
  return segment.includes("~") || segment.includes("/") ? segment.replace(/~/g, "~0").replace(/\//g, "~1") : segment;
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  const segments = pointer.slice(1).split("/");
  // Two regex replacements per segment cost more than the split: only where a `~` is.
  if (!pointer.includes("~")) return segments;
  return segments.map((s) => (s.includes("~") ? s.replace(/~1/g, "/").replace(/~0/g, "~") : s));
}

/** The value at a pointer, or undefined when some step is missing. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else if (isObject(node)) {
      if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
      node = node[segment];
    } else {
      return undefined;
    }
  }
  return node;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
