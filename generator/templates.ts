// Handlebars templates for file skeletons (the header comment, the index barrel, the runtime
// helper file), compiled once per run from their text.
//
//   compileTemplates({ "header.hbs": "// Generated from {{model}}", "index.ts.hbs": "...", "runtime.ts.hbs": "..." })
//     .header({ model: "weather", sources: ["models/weather.json"], service: "Weather" })
//   → "// Generated from weather"
//
// Pure (no disk: it bundles for the browser). `generator/cli/templates.ts` reads the package's own
// `templates/` folder and lets a user's folder override it file by file. A missing or broken
// template is a user's mistake: it is thrown as a DiagnosticError (code TEMPLATE_*), never as a
// bare exception. The header's values are escaped for a comment (`commentText`): a file name with
// a newline or U+2028 stays inside the comment.

import Handlebars from "handlebars";
import { commentText } from "./printable.js";
import { DiagnosticError, type Diagnostic } from "./diagnostics.js";
import type { HelperFile } from "./protocols/symbols.js";

export interface HeaderContext {
  /** Output folder name of the model, e.g. `cognito-identity-provider`. */
  readonly model: string;
  /** The model's source files, `/`-separated and relative to the project root. */
  readonly sources: readonly string[];
  /** The service's name, e.g. `AWSCognitoIdentityProviderService`. */
  readonly service: string;
}

export interface IndexContext {
  readonly model: string;
  /** The rendered header. */
  readonly header: string;
  /** Module file names to re-export, e.g. `types.js`. */
  readonly modules: readonly string[];
  /**
   * Names re-exported explicitly, e.g. `{ module: "errors.js", names: "NotAuthorizedException, ..." }`:
   * the error classes, which win over the error structures' interfaces of the same name in types.js.
   */
  readonly reexports: readonly { readonly module: string; readonly names: string }[];
}

export interface RuntimeContext {
  readonly header: string;
  /**
   * Helper files: the names the folder's generated files import from this one. A template may
   * leave out what none of them uses with `{{#if (uses "ruleParseArn" ...)}}` (true when any of
   * the names is imported, or when the context has no `uses`: then everything is kept).
   */
  readonly uses?: readonly string[];
}

export interface Templates {
  header(ctx: HeaderContext): string;
  index(ctx: IndexContext): string;
  runtime(ctx: RuntimeContext): string;
  /** A codec helper file (`cbor.ts`, `gzip.ts`, ...): see HELPER_FILES in protocols/symbols.ts. */
  helper(file: HelperFile, ctx: RuntimeContext): string;
  /** The templates' text, all of it: equal keys render equally (the generation cache's key). */
  readonly key: string;
}

/** Every template file the generator uses, by the name it has in a templates folder. */
export const TEMPLATE_NAMES = Object.freeze([
  "header.hbs",
  "index.ts.hbs",
  "runtime.ts.hbs",
  // Codec helper files, emitted only into folders whose code imports them (see protocols/symbols.ts).
  "big-numbers.ts.hbs",
  "cbor.ts.hbs",
  // The endpoint rules interpreter, emitted only where endpoints.ts evaluates a rule set (generator/protocols/endpoints/).
  "endpoint-rules.ts.hbs",
  "forms.ts.hbs",
  "gzip.ts.hbs",
  "json.ts.hbs",
  "md5.ts.hbs",
  "read.ts.hbs",
  "sha256.ts.hbs",
  // AWS Signature Version 4, emitted only where a client signs requests.
  "sigv4.ts.hbs",
  // The transport of the generated clients, emitted where a client.ts imports it.
  "transport.ts.hbs",
  // The linear-time pattern matcher, emitted only where a validator needs it (generator/regex/linear.ts).
  "linear-find.ts.hbs",
  "xml.ts.hbs",
  // The XML parser of responses, emitted only where a deserializer reads XML.
  "xml-reader.ts.hbs",
] as const);
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Sample contexts: every template is rendered once at compile time, so mistakes surface early. */
const SAMPLES: { readonly [K in TemplateName]: object } = Object.freeze({
  "header.hbs": { model: "example", sources: ["models/example.json"], service: "Example" },
  "index.ts.hbs": { model: "example", header: "// header", modules: ["types.js"], reexports: [{ module: "errors.js", names: "ExampleError" }] },
  "runtime.ts.hbs": { header: "// header" },
  "big-numbers.ts.hbs": { header: "// header" },
  "cbor.ts.hbs": { header: "// header" },
  "endpoint-rules.ts.hbs": { header: "// header" },
  "forms.ts.hbs": { header: "// header" },
  "gzip.ts.hbs": { header: "// header" },
  "json.ts.hbs": { header: "// header" },
  "md5.ts.hbs": { header: "// header" },
  "read.ts.hbs": { header: "// header" },
  "sha256.ts.hbs": { header: "// header" },
  "sigv4.ts.hbs": { header: "// header" },
  "transport.ts.hbs": { header: "// header" },
  "linear-find.ts.hbs": { header: "// header" },
  "xml.ts.hbs": { header: "// header" },
  "xml-reader.ts.hbs": { header: "// header" },
});

/**
 * Compiles the three templates from their text.
 * @param sources template name → template text
 * @param files template name → the file it came from (for diagnostics); defaults to the name
 * @param builtin names whose text is the package's own (tested with the package): compiled on
 *   first use instead of compiled and rendered with a sample now, so a cold run pays only for
 *   the templates its models use (a user's template is checked here, before anything is emitted)
 */
export function compileTemplates(
  sources: Readonly<Record<string, string>>,
  files: Readonly<Record<string, string>> = {},
  builtin: ReadonlySet<string> = new Set(),
): Templates {
  const hb = Handlebars.create();
  hb.registerHelper("uses", (...args: unknown[]) => {
    const options = args.pop() as Handlebars.HelperOptions;
    const root = options.data?.root as { readonly uses?: readonly string[] } | undefined;
    return root?.uses === undefined || args.some((name) => root.uses!.includes(name as string));
  });
  const compiled = {} as Record<TemplateName, Handlebars.TemplateDelegate>;
  for (const name of TEMPLATE_NAMES) {
    const file = files[name] ?? name;
    const text = sources[name];
    if (text === undefined) {
      throw new DiagnosticError({
        code: "TEMPLATE_MISSING",
        severity: "error",
        message: `The template \`${name}\` is missing`,
        hint: `Add ${name} to the templates folder, or remove the folder's entry from the config to use the built-in templates.`,
      });
    }
    let template: Handlebars.TemplateDelegate;
    try {
      // Handlebars compiles on the first call: the sample render is that call and the check.
      template = hb.compile(text, { noEscape: true, strict: true });
      if (!builtin.has(name)) template(SAMPLES[name]);
    } catch (error) {
      throw new DiagnosticError(templateDiagnostic(error, name, file, text));
    }
    compiled[name] = template;
  }
  return Object.freeze({
    // The header is a comment: names from the file system must not end it (see printable.ts).
    header: (ctx: HeaderContext) =>
      compiled["header.hbs"]({
        model: commentText(ctx.model),
        sources: ctx.sources.map(commentText),
        service: commentText(ctx.service),
      } satisfies HeaderContext),
    index: (ctx: IndexContext) => compiled["index.ts.hbs"](ctx),
    runtime: (ctx: RuntimeContext) => compiled["runtime.ts.hbs"](ctx),
    helper: (file: HelperFile, ctx: RuntimeContext) => compiled[`${file}.hbs`](ctx),
    key: JSON.stringify(TEMPLATE_NAMES.map((name) => sources[name])),
  });
}

/** Turns a Handlebars parse or render error into a diagnostic with the best position it has. */
function templateDiagnostic(error: unknown, name: string, file: string, text: string): Diagnostic {
  const raw = error instanceof Error ? error.message : String(error);
  const where: { line?: number; column?: number } = {};
  const e = error as { lineNumber?: unknown; column?: unknown };
  let message = raw;
  if (typeof e.lineNumber === "number" && typeof e.column === "number") {
    where.line = e.lineNumber;
    where.column = e.column + 1;
    message = raw.replace(/ - \d+:\d+$/, "").replace(/^"([^"]+)" not defined in .*$/, "`$1` is not defined here");
  } else {
    const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n([^]*)$/.exec(raw);
    if (parse) {
      const line = Number(parse[1]);
      where.line = line;
      const column = parseErrorColumn(text, line, (parse[2] ?? "").slice(0, (parse[3] ?? "").length));
      if (column !== undefined) where.column = column;
      message = parse[4] ?? raw;
    }
  }
  if (where.line === undefined) {
    // Strict lookups on a string or number fail with a bare TypeError naming the field: find it.
    const name = /(?:search for|read properties of \w+ \(reading) '([\w$]+)'/.exec(raw)?.[1];
    const index = name === undefined ? -1 : text.search(new RegExp(`\\{\\{[^}]*?\\b${name}\\b`));
    if (name !== undefined && index >= 0) {
      const at = text.indexOf(name, index);
      const before = text.slice(0, at);
      where.line = before.split("\n").length;
      where.column = at - before.lastIndexOf("\n");
      message = `\`${name}\` is not defined here`;
    }
  }
  return {
    code: "TEMPLATE_ERROR",
    severity: "error",
    message: `The template \`${name}\` cannot be used: ${message.replace(/\s+/g, " ").trim()}`,
    file,
    ...where,
    hint: "Fix the template; its context is documented in generator/templates.ts.",
  };
}

/**
 * The column of a Handlebars parse error. Its message shows the text before the bad token as
 * `(more than 20 chars ? "..." : "") + last 20 chars, newlines removed`; find the column on the
 * error's line where the source gives exactly that.
 */
function parseErrorColumn(text: string, line: number, shownBefore: string): number | undefined {
  let lineStart = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", lineStart);
    if (next < 0) return undefined;
    lineStart = next + 1;
  }
  const lineEnd = text.indexOf("\n", lineStart) < 0 ? text.length : text.indexOf("\n", lineStart);
  for (let offset = lineStart; offset <= lineEnd; offset++) {
    const past = text.slice(0, offset);
    if ((past.length > 20 ? "..." : "") + past.slice(-20).replace(/\n/g, "") === shownBefore) return offset - lineStart + 1;
  }
  return undefined;
}
