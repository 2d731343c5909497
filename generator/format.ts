// Formats one generated TypeScript file with prettier, once: text in, formatted text out.
//
//   await formatTypeScript("export const a={b:1}") → 'export const a = { b: 1 };\n'

import { format } from "prettier";

const OPTIONS = Object.freeze({
  parser: "typescript",
  printWidth: 100,
  trailingComma: "all",
  proseWrap: "preserve",
} as const);

export async function formatTypeScript(text: string): Promise<string> {
  return format(text, OPTIONS);
}
