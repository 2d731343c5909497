// The browser-safe path helpers (generator/posix-path.ts) against Node's own `path.posix` as the
// oracle, on paths made of the segments that matter (`.`, `..`, empty, names) and a few examples.

import fc from "fast-check";
import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { basename, dirname, join, normalize } from "../../generator/posix-path.js";

const segment = fc.constantFrom("", ".", "..", "a", "b.yaml", "specs", "...");
const path = fc.array(segment, { maxLength: 6 }).map((s) => s.join("/"));

describe("posix-path agrees with node:path posix", () => {
  it("normalize, dirname, basename", () => {
    fc.assert(
      fc.property(path, (p) => {
        expect(normalize(p)).toBe(posix.normalize(p));
        expect(dirname(p)).toBe(posix.dirname(p));
        expect(basename(p)).toBe(posix.basename(p));
      }),
      { numRuns: 3000 },
    );
  });

  it("join", () => {
    fc.assert(
      fc.property(fc.array(path, { maxLength: 4 }), (parts) => {
        expect(join(...parts)).toBe(posix.join(...parts));
      }),
      { numRuns: 3000 },
    );
  });

  it("the cases the OpenAPI front end meets", () => {
    expect(join(dirname("specs/v1/pets.yaml"), "../common.yaml#x".split("#")[0]!)).toBe("specs/common.yaml");
    expect(normalize("./a//b/../c.yaml")).toBe("a/c.yaml");
    expect(basename("specs/pets.openapi.yaml")).toBe("pets.openapi.yaml");
  });
});
