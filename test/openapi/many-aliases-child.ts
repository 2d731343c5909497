// The child of many-aliases.test.ts: generates a document of our own with COUNT component
// schemas, each with an inline object property of the same form (so COUNT - 1 aliases at the
// end of types.ts), and prints the number of alias lines of types.ts, or the crash.
//
//   node --stack-size=120 --import tsx test/openapi/many-aliases-child.ts 8000 → {"aliases":7999}

import { generateFiles } from "./helpers.js";

const count = Number(process.argv[2]);
const schemas: Record<string, unknown> = {};
for (let i = 0; i < count; i++) schemas[`S${i}`] = { type: "object", properties: { p: { type: "object", properties: { a: { type: "string" } } } } };
const text = JSON.stringify({ openapi: "3.0.3", info: { title: "Many", version: "1" }, paths: {}, components: { schemas } });
try {
  const result = await generateFiles([{ path: "many.json", text }], "many", false);
  const types = result.files.get("many/types.ts") ?? "";
  process.stdout.write(JSON.stringify({ aliases: types.split("\n").filter((line) => /^export type S\d+P = S0P;$/.test(line)).length }) + "\n");
} catch (error) {
  process.stdout.write(JSON.stringify({ crash: (error as Error).message }) + "\n");
}
