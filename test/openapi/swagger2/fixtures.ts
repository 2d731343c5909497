// The Swagger 2.0 documents we wrote for the tests (fixtures/), as the front end gets them.
//
//   swagger2Files("petstore.yaml") → [{ path: "test/openapi/swagger2/fixtures/petstore.yaml", text: "swagger: \"2.0\"\n..." }]

import { readFileSync } from "node:fs";
import type { SourceFile } from "../../../generator/frontends.js";

export const SWAGGER2_FIXTURES = ["petstore.yaml", "collection-formats.yaml", "security.yaml"] as const;

export function swagger2Files(name: string): SourceFile[] {
  const path = `test/openapi/swagger2/fixtures/${name}`;
  return [{ path, text: readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8") }];
}
