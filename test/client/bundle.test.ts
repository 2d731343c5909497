// What a bundler keeps of a generated client: an app that calls one operation through the
// operation function (`ping(createThingServiceContext(config))`) must bundle none of the
// validators and, for an unsigned operation, none of SigV4; a signed one brings sigv4.ts, and
// passing the validators module as config `validate` brings validators.ts. esbuild (the bundler
// of the bench) with its metafile: the bytes each generated file puts in the minified output.
//
//   app calling ping (unsigned) → files in the bundle: client.ts, transport.ts, serializers.ts, … (no sigv4.ts, validators.ts)

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { generateClient, THINGS, type Generated } from "./helpers.js";

let things: Generated;
beforeAll(async () => {
  things = await generateClient("bundle", ...THINGS);
});

/** The generated files that put code in the minified bundle of `lines`, sorted. */
async function bundledFiles(name: string, lines: readonly string[]): Promise<string[]> {
  const entry = join(things.dir, `${name}.ts`);
  writeFileSync(entry, lines.join("\n") + "\n");
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent", metafile: true });
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  return Object.entries(inputs)
    .filter(([path, input]) => input.bytesInOutput > 0 && path.includes("/bundle/"))
    .map(([path]) => path.slice(path.lastIndexOf("/") + 1))
    .sort();
}

const app = (call: string, config = "{ region: \"us-east-1\" }", imports = "") => [
  `import { createThingServiceContext, ${call} } from "./bundle/client.js";`,
  imports,
  `const context = createThingServiceContext(${config});`,
  `export const run = () => ${call}(context, { id: "t1" } as never);`,
];

describe("what a bundle of one operation holds", () => {
  it("an unsigned operation: no SigV4, no validators", async () => {
    const files = await bundledFiles("ping-app", app("ping"));
    expect(files).toContain("client.ts");
    expect(files).toContain("transport.ts");
    expect(files).not.toContain("sigv4.ts");
    expect(files).not.toContain("validators.ts");
  });

  it("a signed operation brings SigV4; the validators only when passed as config `validate`", async () => {
    expect(await bundledFiles("get-app", app("getThing"))).toContain("sigv4.ts");
    expect(await bundledFiles("get-app", app("getThing"))).not.toContain("validators.ts");
    const validating = await bundledFiles("validating-app", app("ping", "{ region: \"us-east-1\", validate: validators }", `import * as validators from "./bundle/validators.js";`));
    expect(validating).toContain("validators.ts");
    expect(validating).not.toContain("sigv4.ts");
  });
});
