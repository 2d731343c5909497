// Formats one generated TypeScript file with prettier, once: text in, formatted text out.
//
//   await formatTypeScript("export const a={b:1}") → 'export const a = { b: 1 };\n'
//
// prettier is loaded on first use only, so runs with formatting off do not pay for loading it.

const OPTIONS = Object.freeze({
  parser: "typescript",
  printWidth: 100,
  trailingComma: "all",
  proseWrap: "preserve",
} as const);

export async function formatTypeScript(text: string): Promise<string> {
  const { format } = await import("prettier");
  return format(text, OPTIONS);
}
