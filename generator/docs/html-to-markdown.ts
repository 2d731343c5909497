// AWS documentation HTML → CommonMark, for TSDoc comments.
//
//   htmlToMarkdown("<p>For <code>USER_SRP_AUTH</code>, pass <b>SRP_A</b>.</p><ul><li>one</li></ul>")
//   → "For `USER_SRP_AUTH`, pass **SRP_A**.\n\n- one"
//
// htmlparser2 tokenises (entities decoded, implied end tags closed); we build a small tree and
// render it block by block. Whitespace in text collapses to single spaces (AWS indents its
// HTML heavily); `<pre>` keeps its lines. Text is escaped only where CommonMark would
// otherwise read markup, so identifiers such as `SECRET_HASH` keep their underscores as is.
// Elements nested deeper than MAX_NESTING (limits.ts) lose their tags, not their text.

import { Parser } from "htmlparser2";
import { codeFence, codeSpan, escapeLineStart, escapeText } from "./markdown.js";
import { MAX_NESTING } from "../limits.js";

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

function parse(html: string): Node[] {
  const root: ElementNode = { kind: "element", name: "#root", attrs: {}, children: [], hasBlock: false };
  // A literal (not-a-tag) entry forwards its content to the element it appears in.
  // Elements nested past MAX_NESTING are flattened into their ancestor (their text is kept), so
  // the recursive renderers below never go deeper than that.
  const stack: { readonly element: ElementNode; readonly literal: boolean; readonly flattened?: boolean }[] = [{ element: root, literal: false }];
  let depth = 0;
  const top = (): ElementNode => stack[stack.length - 1]?.element ?? root;
  const pushText = (text: string): void => {
    // Entities arrive as separate chunks: merge them so escaping sees whole runs of text.
    const siblings = top().children;
    const last = siblings[siblings.length - 1];
    if (last?.kind === "text") siblings[siblings.length - 1] = { kind: "text", text: last.text + text };
    else siblings.push({ kind: "text", text });
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        if (!TAG_NAME.test(name)) {
          pushText(html.slice(parser.startIndex, parser.endIndex + 1));
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
      onclosetag(_name, isImplied) {
        if (stack.length <= 1) return;
        const entry = stack.pop();
        if (entry?.flattened) return;
        if (entry && !entry.literal) depth--;
        if (entry?.literal && !isImplied) pushText(html.slice(parser.startIndex, parser.endIndex + 1));
        if (entry && !entry.literal) entry.element.hasBlock = entry.element.children.some(isBlockOrHasBlock);
      },
      ontext: pushText,
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root.children;
}

function textContent(node: Node): string {
  if (node.kind === "text") return node.text;
  if (DROPPED_TAGS.has(node.name)) return "";
  if (node.name === "br") return "\n";
  return node.children.map(textContent).join("");
}

/** HTML whitespace (plus no-break space and JS line separators) collapsed to one space. */
function collapse(text: string): string {
  const collapsed = text.replace(/[ \t\n\f\r\u00a0\u2028\u2029]+/g, " ");
  return /[\uE000-\uE003]/.test(collapsed) ? collapsed.replace(MARKS, "") : collapsed;
}

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

/** Replaces the emphasis marks by `_`, or by `*` where a letter or digit touches the outside. */
function resolveEmphasis(text: string): string {
  if (!text.includes(EM_OPEN)) return text;
  const chars = Array.from(text);
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    if (ch === EM_OPEN) {
      let close = i + 1;
      let depth = 0;
      for (; close < chars.length; close++) {
        if (chars[close] === EM_OPEN) depth++;
        else if (chars[close] === EM_CLOSE) {
          if (depth === 0) break;
          depth--;
        }
      }
      const before = out.slice(-1);
      const after = chars[close + 1];
      const intraword = /[\p{L}\p{N}]/u.test(before) || (after !== undefined && /[\p{L}\p{N}]/u.test(after));
      const marker = intraword ? "*" : "_";
      if (close < chars.length) chars[close] = marker === "*" ? "\uE002" : "\uE003";
      out += marker;
    } else if (ch === EM_CLOSE) {
      // Unmatched close (cannot happen with balanced trees); drop it.
    } else if (ch === "\uE002") {
      out += "*";
    } else if (ch === "\uE003") {
      out += "_";
    } else {
      out += ch;
    }
  }
  return out;
}

/** Inline content → paragraph lines (one per `<br>`, joined by CommonMark hard breaks). */
function paragraphLines(inline: string): string[] {
  const lines = resolveEmphasis(inline)
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .filter((line) => line !== "")
    .map(escapeLineStart);
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\\` : line));
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
    lines.push(...block.lines);
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
    lines.push(...item);
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
    out.push(...paragraph(run));
    run = [];
  };
  for (const node of nodes) {
    if (isBlockOrHasBlock(node)) {
      flush();
      out.push(...blockElement(node));
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
