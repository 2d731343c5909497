// AWS documentation HTML → CommonMark, for TSDoc comments.
//
//   htmlToMarkdown("<p>For <code>USER_SRP_AUTH</code>, pass <b>SRP_A</b>.</p><ul><li>one</li></ul>")
//   → "For `USER_SRP_AUTH`, pass **SRP_A**.\n\n- one"
//
// htmlparser2 tokenises (entities decoded, implied end tags closed), or, for the plain HTML of
// nearly every AWS text, a fast path that gives the same events; we build a small tree and
// render it block by block. Whitespace in text collapses to single spaces (AWS indents its
// HTML heavily); `<pre>` keeps its lines. Text is escaped only where CommonMark would
// otherwise read markup, so identifiers such as `SECRET_HASH` keep their underscores as is.
// Elements nested deeper than MAX_NESTING (limits.ts) lose their tags, not their text.

import { Parser } from "htmlparser2";
import { codeFence, codeSpan, escapeLineStart, escapeText } from "./markdown.js";
import { MAX_NESTING } from "../limits.js";
import { append } from "../lists.js";

interface TextNode {
  readonly kind: "text";
  readonly text: string;
}
interface ElementNode {
  readonly kind: "element";
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: Node[];
  /** Some descendant is a block element; set when the element closes. */
  hasBlock: boolean;
}
type Node = TextNode | ElementNode;

interface Block {
  readonly kind: "paragraph" | "list" | "code" | "other";
  readonly lines: readonly string[];
}

const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "address",
  "figure", "figcaption", "details", "summary", "form", "fieldset", "center",
  "ul", "ol", "li", "pre", "dl", "dt", "dd", "blockquote", "hr",
  "h1", "h2", "h3", "h4", "h5", "h6",
  "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
  "note", "important", "fullname",
]);
const DROPPED_TAGS = new Set(["script", "style", "fullname", "head", "title", "template"]);
const CODE_TAGS = new Set(["code", "tt", "kbd", "samp"]);
const HEADING = /^h([1-6])$/;
const CALLOUTS: Readonly<Record<string, string>> = {
  note: "**Note:**",
  important: "**Important:**",
};

// Private-use marks for the two ends of an emphasis, resolved to `_` or `*` once the whole
// paragraph is known (CommonMark ignores `_` inside a word, so there `*` is needed).
const EM_OPEN = "\uE000";
const EM_CLOSE = "\uE001";
const MARKS = /[\uE000-\uE003]/g;

/** Names that real tags have; anything else (`<testuser@example.com>`) is text AWS forgot to escape. */
const TAG_NAME = /^[a-z][a-z0-9-]*$/;

/** Builds the tree from parser events; `source()` is the text of the tag being reported. */
function treeBuilder(): {
  readonly root: ElementNode;
  open(name: string, attribs: Readonly<Record<string, string>>, source: () => string): void;
  close(isImplied: boolean, source: () => string): void;
  text(text: string): void;
} {
  const root: ElementNode = { kind: "element", name: "#root", attrs: {}, children: [], hasBlock: false };
  // A literal (not-a-tag) entry forwards its content to the element it appears in.
  // Elements nested past MAX_NESTING are flattened into their ancestor (their text is kept), so
  // the recursive renderers below never go deeper than that.
  const stack: { readonly element: ElementNode; readonly literal: boolean; readonly flattened?: boolean }[] = [{ element: root, literal: false }];
  let depth = 0;
  const top = (): ElementNode => stack[stack.length - 1]?.element ?? root;
  const text = (text: string): void => {
    // Entities arrive as separate chunks: merge them so escaping sees whole runs of text.
    const siblings = top().children;
    const last = siblings[siblings.length - 1];
    if (last?.kind === "text") siblings[siblings.length - 1] = { kind: "text", text: last.text + text };
    else siblings.push({ kind: "text", text });
  };
  return {
    root,
    open(name, attribs, source) {
      if (!TAG_NAME.test(name)) {
        text(source());
        stack.push({ element: top(), literal: true });
        return;
      }
      if (depth >= MAX_NESTING) {
        stack.push({ element: top(), literal: false, flattened: true });
        return;
      }
      const element: ElementNode = { kind: "element", name, attrs: { ...attribs }, children: [], hasBlock: false };
      top().children.push(element);
      stack.push({ element, literal: false });
      depth++;
    },
    close(isImplied, source) {
      if (stack.length <= 1) return;
      const entry = stack.pop();
      if (entry?.flattened) return;
      if (entry && !entry.literal) depth--;
      if (entry?.literal && !isImplied) text(source());
      if (entry && !entry.literal) entry.element.hasBlock = entry.element.children.some(isBlockOrHasBlock);
    },
    text,
  };
}

type SimpleTag =
  | { readonly open: string; readonly attribs: Record<string, string>; readonly close?: undefined; readonly end: number }
  | { readonly open?: undefined; readonly close: string; readonly end: number };

/**
 * The tag at `lt` (a `<`), of the forms `<name( attr="value")*>` and `</name>` (lower-case
 * names and attribute names, HTML whitespace), and the offset past it; undefined for anything else.
 */
function simpleTag(html: string, lt: number): SimpleTag | undefined {
  let at = lt + 1;
  const closing = html.charCodeAt(at) === 0x2f;
  if (closing) at++;
  const nameStart = at;
  if (!isLower(html.charCodeAt(at))) return undefined;
  while (isLower(html.charCodeAt(at)) || isDigit(html.charCodeAt(at))) at++;
  const name = html.slice(nameStart, at);
  const attribs: Record<string, string> = {};
  for (;;) {
    const spaced = at;
    while (isHtmlSpace(html.charCodeAt(at))) at++;
    if (html.charCodeAt(at) === 0x3e) return closing ? { close: name, end: at + 1 } : { open: name, attribs, end: at + 1 };
    if (closing || at === spaced || !isLower(html.charCodeAt(at))) return undefined;
    const attrStart = at;
    while (isLower(html.charCodeAt(at)) || isDigit(html.charCodeAt(at)) || html.charCodeAt(at) === 0x2d) at++;
    const attr = html.slice(attrStart, at);
    if (html.charCodeAt(at) !== 0x3d || html.charCodeAt(at + 1) !== 0x22) return undefined;
    const quote = html.indexOf('"', at + 2);
    if (quote === -1) return undefined;
    const value = html.slice(at + 2, quote);
    if (value.includes("<") || value.includes(">")) return undefined;
    if (!Object.hasOwn(attribs, attr)) attribs[attr] = value;
    at = quote + 1;
  }
}

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHtmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
}

function parse(html: string): Node[] {
  return parseSimple(html) ?? parseFull(html);
}

/** The tree of any HTML: htmlparser2 tokenises (entities decoded, implied end tags closed). Exported for the test of the fast path. */
export function parseFull(html: string): Node[] {
  const tree = treeBuilder();
  const source = () => html.slice(parser.startIndex, parser.endIndex + 1);
  const parser: Parser = new Parser(
    {
      onopentag: (name, attribs) => tree.open(name, attribs, source),
      onclosetag: (_name, isImplied) => tree.close(isImplied, source),
      ontext: tree.text,
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return tree.root.children;
}

// The fast path. Nearly all AWS documentation is plain HTML of a few tags (`<p>`, `<code>`,
// `<li>`, `<a href="...">`, ...) without entities, comments or odd syntax. For such text the
// events of htmlparser2 are easy to know, so the same tree is built without its tokenizer
// (about half the cost of a conversion): the tags of SIMPLE_TAGS (none of htmlparser2's special
// cases: raw text, foreign content, forms), lower case, attributes as name="value", the
// implied closes of htmlparser2's `openImpliesClose` for those tags, `<br>` as its one void
// element. Anything else (an `&`, `<!--`, `<` that is no such tag, `</br>`, a stray `</p>`, a NUL)
// goes to htmlparser2. test/docs/html-fast-path.test.ts checks both give the same tree.
const SIMPLE_TAGS = new Set([
  "p", "code", "li", "a", "i", "ul", "b", "note", "dd", "dt", "important", "dl", "ol", "fullname", "strong",
  "em", "br", "u", "pre", "div", "span", "sup", "sub", "tt", "kbd", "samp", "var", "cite",
  "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "td", "th",
]);
const HEADINGS_AND_P: ReadonlySet<string> = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p"]);
const P_ONLY: ReadonlySet<string> = new Set(["p"]);
const DD_DT: ReadonlySet<string> = new Set(["dd", "dt"]);
/** htmlparser2's openImpliesClose, for the tags of SIMPLE_TAGS. */
const IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["a", new Set(["a"])],
  ["li", new Set(["li"])],
  ["p", P_ONLY],
  ...["h1", "h2", "h3", "h4", "h5", "h6"].map((h) => [h, HEADINGS_AND_P] as const),
  ["dd", DD_DT],
  ["dt", DD_DT],
  ...["div", "dl", "ol", "pre", "table", "ul"].map((t) => [t, P_ONLY] as const),
  ["tbody", new Set(["thead", "tbody"])],
]);
/** The tree of plain HTML (see above) as parseFull builds it, or undefined for anything else. Exported for its test. */
export function parseSimple(html: string): Node[] | undefined {
  if (html.includes("&") || html.includes("\0")) return undefined;
  const tree = treeBuilder();
  const none = (): string => "";
  const stack: string[] = [];
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf("<", at);
    if (lt === -1) {
      tree.text(html.slice(at));
      break;
    }
    if (lt > at) tree.text(html.slice(at, lt));
    const m = simpleTag(html, lt);
    if (m === undefined) return undefined;
    at = m.end;
    if (m.open !== undefined) {
      const { open, attribs } = m;
      if (!SIMPLE_TAGS.has(open)) return undefined;
      const implied = IMPLIES_CLOSE.get(open);
      if (implied !== undefined) {
        while (stack.length > 0 && implied.has(stack[stack.length - 1]!)) {
          stack.pop();
          tree.close(true, none);
        }
      }
      tree.open(open, attribs, none);
      if (open === "br") tree.close(true, none);
      else stack.push(open);
    } else {
      const { close } = m;
      if (close === "br" || !SIMPLE_TAGS.has(close)) return undefined;
      const pos = stack.lastIndexOf(close);
      if (pos === -1) {
        if (close === "p") return undefined;
        continue;
      }
      while (stack.length > pos + 1) {
        stack.pop();
        tree.close(true, none);
      }
      stack.pop();
      tree.close(false, none);
    }
  }
  while (stack.length > 0) {
    stack.pop();
    tree.close(true, none);
  }
  return tree.root.children;
}

function textContent(node: Node): string {
  if (node.kind === "text") return node.text;
  if (DROPPED_TAGS.has(node.name)) return "";
  if (node.name === "br") return "\n";
  return node.children.map(textContent).join("");
}

/**
 * HTML whitespace (plus no-break space and JS line separators) collapsed to one space, and the
 * emphasis marks taken out (after collapsing: a mark between two spaces leaves both). One scan;
 * a text with nothing to change is returned as is.
 */
function collapse(text: string): string {
  let out = "";
  let copied = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isCollapsible(c)) {
      let end = i + 1;
      while (end < n && isCollapsible(text.charCodeAt(end))) end++;
      if (c !== 0x20 || end - i > 1) {
        out += text.slice(copied, i) + " ";
        copied = end;
      }
      i = end - 1;
    } else if (c >= 0xe000 && c <= 0xe003) {
      out += text.slice(copied, i);
      copied = i + 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** `[ \t\n\f\r\u00a0\u2028\u2029]`. */
function isCollapsible(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

const SPACE_RUNS = / {2,}/g;

function isBlock(node: Node): boolean {
  return node.kind === "element" && BLOCK_TAGS.has(node.name);
}

function isBlockOrHasBlock(node: Node): node is ElementNode {
  return node.kind === "element" && (node.hasBlock || BLOCK_TAGS.has(node.name));
}

/** Wraps `inner` in `open`/`close`, keeping surrounding whitespace outside the markers. */
function wrap(inner: string, open: string, close: string): string {
  const core = inner.trim();
  if (core === "") return inner === "" ? "" : " ";
  const lead = inner.startsWith(core) ? "" : " ";
  const trail = inner.endsWith(core) ? "" : " ";
  return `${lead}${open}${core}${close}${trail}`;
}

function linkDestination(href: string): string {
  return href
    .trim()
    .replace(/[\s<>()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function renderInline(node: Node, inLink: boolean): string {
  if (node.kind === "text") return escapeText(collapse(node.text), inLink);
  const name = node.name;
  if (DROPPED_TAGS.has(name)) return "";
  if (name === "br") return "\n";
  if (CODE_TAGS.has(name)) {
    const text = collapse(textContent(node)).trim();
    return text === "" ? "" : codeSpan(text);
  }
  const inner = (): string => node.children.map((c) => renderInline(c, inLink || name === "a")).join("");
  if (name === "b" || name === "strong") return wrap(inner(), "**", "**");
  if (name === "i" || name === "em" || name === "cite" || name === "var") return wrap(inner(), EM_OPEN, EM_CLOSE);
  if (name === "a") {
    const href = node.attrs["href"]?.trim() ?? "";
    if (href === "" || inLink) return inner();
    const dest = linkDestination(href);
    const text = inner();
    if (text.trim() === "") {
      return /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*$/.test(dest) ? `<${dest}>` : `[${escapeText(href, true)}](${dest})`;
    }
    return wrap(text, "[", `](${dest})`);
  }
  if (name === "img") return escapeText(collapse(node.attrs["alt"] ?? ""), inLink);
  // Unknown tags (and block tags reached inline) render as their content.
  const content = inner();
  return isBlock(node) ? ` ${content} ` : content;
}

/** A letter or a digit (of one UTF-16 unit or one code point). */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Replaces the emphasis marks by `_`, or by `*` where a letter or digit touches the outside.
 * One scan that copies the text between marks (no string built character by character).
 */
function resolveEmphasis(text: string): string {
  if (!text.includes(EM_OPEN)) return text;
  // The closing mark of each opening one resolved so far → its marker.
  const closers = new Map<number, string>();
  let out = "";
  let copied = 0;
  // The last UTF-16 unit written (a letter or digit there makes the emphasis intraword).
  let last = "";
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xe000 || c > 0xe003) continue;
    if (i > copied) {
      out += text.slice(copied, i);
      last = text[i - 1]!;
    }
    copied = i + 1;
    const closing = closers.get(i);
    if (closing !== undefined) {
      out += closing;
      last = closing;
    } else if (c === 0xe000) {
      let close = i + 1;
      let depth = 0;
      for (; close < n; close++) {
        const d = text.charCodeAt(close);
        if (d === 0xe000) depth++;
        else if (d === 0xe001 && !closers.has(close)) {
          if (depth === 0) break;
          depth--;
        }
      }
      const after = close + 1 < n ? String.fromCodePoint(text.codePointAt(close + 1)!) : undefined;
      const intraword = LETTER_OR_DIGIT.test(last) || (after !== undefined && LETTER_OR_DIGIT.test(after));
      const marker = intraword ? "*" : "_";
      if (close < n) closers.set(close, marker);
      out += marker;
      last = marker;
    } else if (c === 0xe001) {
      // Unmatched close (cannot happen with balanced trees); drop it.
    } else if (c === 0xe002) {
      out += "*";
      last = "*";
    } else {
      out += "_";
      last = "_";
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Inline content → paragraph lines (one per `<br>`, joined by CommonMark hard breaks). */
function paragraphLines(inline: string): string[] {
  const lines: string[] = [];
  for (const raw of resolveEmphasis(inline).split("\n")) {
    const line = (raw.includes("  ") ? raw.replace(SPACE_RUNS, " ") : raw).trim();
    if (line === "") continue;
    if (lines.length > 0) lines[lines.length - 1] += "\\";
    lines.push(escapeLineStart(line));
  }
  return lines;
}

function paragraph(nodes: readonly Node[]): Block[] {
  const lines = paragraphLines(nodes.map((n) => renderInline(n, false)).join(""));
  return lines.length === 0 ? [] : [{ kind: "paragraph", lines }];
}

function joinBlocks(blocks: readonly Block[], tightLists: boolean): string[] {
  const lines: string[] = [];
  blocks.forEach((block, i) => {
    const prev = blocks[i - 1];
    if (prev && !(tightLists && block.kind === "list" && prev.kind === "paragraph")) lines.push("");
    append(lines, block.lines);
  });
  return lines;
}

function listBlock(list: ElementNode): Block[] {
  const items: Node[][] = [];
  for (const child of list.children) {
    if (child.kind === "element" && child.name === "li") {
      items.push([...child.children]);
    } else if (child.kind === "text" && collapse(child.text).trim() === "") {
      continue;
    } else if (items.length > 0) {
      items[items.length - 1]?.push(child);
    } else {
      items.push([child]);
    }
  }
  if (items.length === 0) return [];
  const ordered = list.name === "ol";
  const startAttr = Number.parseInt(list.attrs["start"] ?? "1", 10);
  const start = Number.isSafeInteger(startAttr) && startAttr >= 0 && startAttr < 1e8 ? startAttr : 1;
  const rendered = items.map((nodes, i) => {
    const marker = ordered ? `${start + i}.` : "-";
    const body = joinBlocks(blocks(nodes), true);
    if (body.length === 0) return [marker];
    const indent = " ".repeat(marker.length + 1);
    return body.map((line, j) => (j === 0 ? `${marker} ${line}` : line === "" ? "" : `${indent}${line}`));
  });
  const loose = rendered.some((lines) => lines.includes(""));
  const lines: string[] = [];
  rendered.forEach((item, i) => {
    if (i > 0 && loose) lines.push("");
    append(lines, item);
  });
  return [{ kind: "list", lines }];
}

function codeBlock(pre: ElementNode): Block[] {
  const raw = textContent(pre).replace(MARKS, "").replace(/\u00a0/g, " ");
  const lines = raw.split(/\r\n|[\n\r\u2028\u2029]/).map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) return [];
  const indents = lines.filter((l) => l !== "").map((l) => /^[ \t]*/.exec(l)?.[0] ?? "");
  let common = indents[0] ?? "";
  for (const indent of indents) {
    while (!indent.startsWith(common)) common = common.slice(0, -1);
  }
  const body = lines.map((l) => l.slice(common.length));
  const fence = codeFence(body);
  const codeChild = pre.children.find((c): c is ElementNode => c.kind === "element" && c.name === "code");
  const classes = `${codeChild?.attrs["class"] ?? ""} ${pre.attrs["class"] ?? ""}`;
  const language = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(classes)?.[1] ?? "";
  return [{ kind: "code", lines: [`${fence}${language}`, ...body, fence] }];
}

function withLead(lead: string, inner: Block[]): Block[] {
  const first = inner[0];
  if (first && first.kind === "paragraph") {
    const [line, ...rest] = first.lines;
    return [{ kind: "paragraph", lines: [`${lead} ${line ?? ""}`, ...rest] }, ...inner.slice(1)];
  }
  return [{ kind: "paragraph", lines: [lead] }, ...inner];
}

function blockElement(node: ElementNode): Block[] {
  const name = node.name;
  if (DROPPED_TAGS.has(name)) return [];
  if (name === "ul" || name === "ol") return listBlock(node);
  if (name === "pre") return codeBlock(node);
  if (name === "hr") return [{ kind: "other", lines: ["---"] }];
  const heading = HEADING.exec(name);
  if (heading) {
    const text = paragraphLines(node.children.map((c) => renderInline(c, false)).join("").replace(/\n/g, " "));
    return text.length === 0 ? [] : [{ kind: "other", lines: [`${"#".repeat(Number(heading[1]))} ${text.join(" ")}`] }];
  }
  if (name === "dt") {
    const term = paragraphLines(wrap(node.children.map((c) => renderInline(c, false)).join(""), "**", "**"));
    return term.length === 0 ? [] : [{ kind: "paragraph", lines: term }];
  }
  const callout = CALLOUTS[name];
  if (callout !== undefined) return withLead(callout, blocks(node.children));
  if (name === "blockquote") {
    const inner = joinBlocks(blocks(node.children), false);
    return inner.length === 0 ? [] : [{ kind: "other", lines: inner.map((l) => (l === "" ? ">" : `> ${l}`)) }];
  }
  // p, div, dl, dd, li outside a list, table parts, and inline elements holding blocks.
  return blocks(node.children);
}

function blocks(nodes: readonly Node[]): Block[] {
  const out: Block[] = [];
  let run: Node[] = [];
  const flush = (): void => {
    append(out, paragraph(run));
    run = [];
  };
  for (const node of nodes) {
    if (isBlockOrHasBlock(node)) {
      flush();
      append(out, blockElement(node));
    } else {
      run.push(node);
    }
  }
  flush();
  return out;
}

/** Converts AWS documentation HTML to CommonMark: no trailing spaces, no repeated blank lines. */
export function htmlToMarkdown(html: string): string {
  return joinBlocks(blocks(parse(html)), false).join("\n");
}
