// The README's API example, type-checked by `npm test` (tsc) and compared with the README by
// test/package/readme.test.ts (which reads `../../generator/api.js` as `shapesmith`), so the
// documented example cannot rot. Not run: it would write into the working directory.
// README-EXAMPLE-START
import { check, generate, type Diagnostic } from "../../generator/api.js";

const result = await generate({
  models: ["models/weather.smithy"], // files or folders; or { name, files: [{ path, text }] }
  out: "src/generated",              // default "generated"
  artifacts: ["types", "validators"], // default: all
  write: true,                       // default false: only return the files
});
const problems: readonly Diagnostic[] = result.diagnostics; // empty, or errors with file, line, column, hint
for (const d of problems) {
  console.error(`${d.file ?? ""}:${d.line ?? 0}:${d.column ?? 0}: ${d.severity} ${d.code}: ${d.message}`);
}
console.log(result.ok, [...result.files.keys()]); // true [ "weather/index.ts", "weather/runtime.ts", "weather/types.ts", "weather/validators.ts" ]

const drift = await check({ models: ["models/weather.smithy"], out: "src/generated", artifacts: ["types", "validators"] });
if (!drift.upToDate) console.error("stale:", drift.stale, "missing:", drift.missing, "extra:", drift.extra);
// README-EXAMPLE-END
