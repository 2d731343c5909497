import { gunzipSync } from "node:zlib"; import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { generateFiles } from "./helpers.js";
const f = process.argv[2]!;
const r = await generateFiles([{ path: f.replace(/\.gz$/, ""), text: gunzipSync(readFileSync("/work/shared/corpus/openapi/" + f)).toString() }], "api", false);
mkdirSync("/tmp/oa/c/api", { recursive: true }); console.log(r.files.size, [...r.files.keys()], r.diagnostics.filter(d=>d.severity==="error").slice(0,3));
for (const [p, c] of r.files) writeFileSync("/tmp/oa/c/" + p, c);
