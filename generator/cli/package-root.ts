// The folder of the Shapesmith package itself (where package.json and templates/ are), found by
// walking up from this module, so it holds whether the sources run as they are or bundled.
//
//   packageRoot() → "/work/main"   (from generator/cli/package-root.ts or from a bundle in dist/)

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: unknown }).name === "shapesmith") return dir;
    if (dirname(dir) === dir) throw new Error("internal: the shapesmith package.json was not found above " + fileURLToPath(import.meta.url));
  }
}
