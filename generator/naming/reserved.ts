// Names a generated identifier must never take, kept as data so the naming phase can check them.
//
//   isReserved("class") → true (keyword);  isReserved("Array") → true (global used by output)

/** ECMAScript and TypeScript reserved words, strict-mode words and contextual type keywords. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "abstract", "any", "arguments", "as", "asserts", "async", "await", "bigint", "boolean", "break",
  "case", "catch", "class", "const", "constructor", "continue", "debugger", "declare", "default",
  "delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally", "for", "from",
  "function", "get", "if", "implements", "import", "in", "infer", "instanceof", "interface", "is",
  "keyof", "let", "module", "namespace", "never", "new", "null", "number", "object", "of",
  "package", "private", "protected", "public", "readonly", "require", "return", "satisfies", "set",
  "static", "string", "super", "switch", "symbol", "this", "throw", "true", "try", "type",
  "typeof", "undefined", "unique", "unknown", "var", "void", "while", "with", "yield",
]);

/** Globals the generated code refers to, or that a reader would expect to mean the built-in. */
export const GLOBALS: ReadonlySet<string> = new Set([
  "Array", "ArrayBuffer", "BigInt", "Boolean", "Buffer", "Date", "Error", "Function", "Infinity",
  "JSON", "Map", "Math", "NaN", "Number", "Object", "Partial", "Promise", "Readonly",
  "ReadonlyArray", "Record", "RegExp", "Set", "String", "Symbol", "TextEncoder", "Uint8Array",
  "URLSearchParams", "globalThis", "encodeURIComponent", "btoa",
]);

/** Names exported by the emitted runtime.ts (kept in sync by a test). */
export const RUNTIME_EXPORTS: ReadonlySet<string> = new Set([
  "HttpRequest", "ValidationFailure", "SENSITIVE", "codePointLength", "toBase64", "epochSeconds",
  "encodePathSegment", "deepEqual", "isPlainObject", "hasOwn", "toDateTime", "toHttpDate",
  "typeName", "stringOf", "pointerSegment", "addFailure", "failType", "failRequired",
  "failLength", "failPattern", "failEnum", "failRange", "checkMember", "checkRequired", "jsonNumber", "plainJson",
  "SerializeOptions", "encodeQueryComponent", "newIdempotencyToken", "utf8", "noDotSegments",
]);

export function isReserved(name: string): boolean {
  return KEYWORDS.has(name) || GLOBALS.has(name) || RUNTIME_EXPORTS.has(name);
}
