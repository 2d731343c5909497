// The XML parser of responses (templates/xml-reader.ts.hbs, emitted as xml-reader.ts): whole
// trees of hand-picked documents, every kind of malformed input refused with an XmlError, hostile
// and deep inputs read in one pass without overflowing the stack, and a differential test against
// fast-xml-parser on random documents (fast-check): the same trees, and both the same as the tree
// the document was written from.

import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTemplates } from "../../generator/cli/templates.js";
import { typecheckFolder } from "../helpers/typecheck.js";

interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}
interface Reader {
  parseXml(input: string | Uint8Array): XmlElement;
  XmlError: new (message: string, offset?: number) => Error & { offset: number | undefined };
  XML_MAX_DEPTH: number;
}
let reader: Reader;
const dir = resolve(".tmp", "xml-reader-tests", String(process.pid));

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, "xml-reader.ts"), loadTemplates().helper("xml-reader.ts", { header: "" }));
  reader = (await import(pathToFileURL(resolve(dir, "xml-reader.ts")).href)) as Reader;
});

/** A tree in a comparable form: attributes as sorted pairs, no prototype games. */
interface Plain {
  name: string;
  attributes: [string, string][];
  text: string;
  children: Plain[];
}
const byKey = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0);

function plain(e: XmlElement): Plain {
  // Iterative, like the parser: random documents may be deep.
  const out: Plain = { name: e.name, attributes: Object.entries(e.attributes).sort(byKey), text: e.text, children: [] };
  const work: [XmlElement, Plain][] = [[e, out]];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    for (const c of item[0].children) {
      const p: Plain = { name: c.name, attributes: Object.entries(c.attributes).sort(byKey), text: c.text, children: [] };
      item[1].children.push(p);
      work.push([c, p]);
    }
  }
  return out;
}

const parse = (text: string | Uint8Array) => plain(reader.parseXml(text));
const el = (name: string, text = "", children: Plain[] = [], attributes: [string, string][] = []): Plain => ({ name, attributes, text, children });

/** The XmlError message of a document the parser must refuse. */
function refusal(text: string): string {
  try {
    reader.parseXml(text);
  } catch (error) {
    if (!(error instanceof reader.XmlError)) throw error;
    return error.message;
  }
  return "accepted";
}

describe("parseXml: trees", () => {
  it("type-checks under the strict options generated code promises", () => {
    expect(typecheckFolder(dir)).toEqual([]);
  });

  it("reads elements, attributes, text, entities, references, CDATA; skips the declaration, comments and PIs", () => {
    const doc =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><?pi x?>\n' +
      '<a:Root xmlns:a="urn:a" xmlns="urn:d" b = \'1\' c="x&amp;y&#65;&#x42;&lt;&gt;&quot;&apos;">' +
      "<Leaf>  two  spaces  </Leaf><!-- inside --><Leaf><![CDATA[<not> &amp; markup]]>&#x1F600;</Leaf>" +
      '<Empty/><Empty2></Empty2><a:Pre a:attr="v"/>\n  tail &gt; text</a:Root>\n<!-- after -->\n';
    expect(parse(doc)).toEqual(
      el("a:Root", "\n  tail > text", [
        el("Leaf", "  two  spaces  "),
        el("Leaf", "<not> &amp; markup\u{1F600}"),
        el("Empty"),
        el("Empty2"),
        el("a:Pre", "", [], [["a:attr", "v"]]),
      ], [
        ["b", "1"],
        ["c", "x&yAB<>\"'"],
        ["xmlns", "urn:d"],
        ["xmlns:a", "urn:a"],
      ]),
    );
  });

  it("normalises line breaks as XML says: CR LF and CR become LF in text, references keep CR; attribute whitespace becomes spaces", () => {
    expect(parse('<r a="x\r\ny\tz&#x9;&#xD;">1\r\n2\r3&#xD;&#13;<![CDATA[4\r\n]]></r>')).toEqual(
      el("r", "1\n2\n3\r\r4\n", [], [["a", "x y z\t\r"]]),
    );
  });

  it("reads UTF-8 bytes, with or without a byte order mark", () => {
    const bytes = new TextEncoder().encode("<r>é\u{1F600}</r>");
    expect(parse(bytes)).toEqual(el("r", "é\u{1F600}"));
    expect(parse(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual(el("r", "é\u{1F600}"));
  });

  it("gives attributes a null prototype, so names like __proto__ and constructor are plain keys", () => {
    const root = reader.parseXml('<r __proto__="p" constructor="c"/>');
    expect(Object.getPrototypeOf(root.attributes)).toBe(null);
    expect(root.attributes["__proto__"]).toBe("p");
    expect(root.attributes["constructor"]).toBe("c");
    expect(reader.parseXml("<r/>").attributes["toString"]).toBe(undefined);
  });

  it(`reads elements nested XML_MAX_DEPTH (512) deep and refuses one more, without recursion`, () => {
    const max = reader.XML_MAX_DEPTH;
    expect(max).toBe(512);
    const nest = (depth: number) => "<e>".repeat(depth) + "x" + "</e>".repeat(depth);
    let deepest = reader.parseXml(nest(max));
    for (let i = 1; i < max; i++) deepest = deepest.children[0]!;
    expect(deepest.text).toBe("x");
    expect(refusal(nest(max + 1))).toBe(`Elements nest deeper than 512 levels (at offset ${3 * max})`);
    expect(refusal("<e>".repeat(200_000))).toBe(`Elements nest deeper than 512 levels (at offset ${3 * max})`);
    expect(refusal("<e>".repeat(max) + "<e/>" + "</e>".repeat(max))).toBe(`Elements nest deeper than 512 levels (at offset ${3 * max})`);
  });
});

describe("parseXml: malformed documents are XmlErrors", () => {
  const cases: [string, string][] = [
    ["", "No root element (at offset 0)"],
    ["   \n", "No root element (at offset 4)"],
    ["hello", "Text before the root element (at offset 0)"],
    ["<a>", "<a> is not closed (at offset 3)"],
    ["<a><b></a>", "End tag </a> does not close <b> (at offset 6)"],
    ["</a>", "End tag </a> without a start tag (at offset 0)"],
    ["<a></a><b/>", "A second root element (at offset 7)"],
    ["<a/>x", "Text after the root element (at offset 4)"],
    ["<a>x</a >", "accepted"],
    ["<a>x</ a>", "Malformed end tag (at offset 4)"],
    ["<a>x</a", "Malformed end tag (at offset 4)"],
    ["< a/>", "`<` not followed by a name (at offset 0)"],
    ["<1a/>", "`<` not followed by a name (at offset 0)"],
    ["<a", "Unclosed start tag <a> (at offset 2)"],
    ["<a b/>", "Attribute b of <a> has no value (at offset 4)"],
    ["<a b=c/>", "Attribute b of <a> is not quoted (at offset 5)"],
    ['<a b="c/>', "Unclosed value of attribute b in <a> (at offset 5)"],
    ['<a b="1"c="2"/>', "Malformed start tag <a> (at offset 8)"],
    ['<a b="1" b="2"/>', "Attribute b appears twice in <a> (at offset 9)"],
    ['<a b="<"/>', "`<` in an attribute value (write `&lt;`) (at offset 6)"],
    ['<a b="&bogus;"/>', "Unknown entity &bogus; (at offset 6)"],
    ["<a>&nbsp;</a>", "Unknown entity &nbsp; (at offset 3)"],
    ["<a>a & b</a>", "A `&` that starts no reference (write `&amp;`) (at offset 5)"],
    ["<a>&amp</a>", "A `&` that starts no reference (write `&amp;`) (at offset 3)"],
    ["<a>&#;</a>", "Bad character reference &#; (at offset 3)"],
    ["<a>&#x;</a>", "Bad character reference &#x; (at offset 3)"],
    ["<a>&#0;</a>", "Bad character reference &#0; (at offset 3)"],
    ["<a>&#xD800;</a>", "Bad character reference &#xD800; (at offset 3)"],
    ["<a>&#x110000;</a>", "Bad character reference &#x110000; (at offset 3)"],
    ["<a>&#12a;</a>", "Bad character reference &#12a; (at offset 3)"],
    ["<a>&#x0000000041;</a>", "accepted"],
    ["<a>&#99999999999999999999;</a>", "Bad character reference &#99999999999999999999; (at offset 3)"],
    ["<a><!-- x </a>", "Unclosed comment (at offset 3)"],
    ["<a><![CDATA[x</a>", "Unclosed CDATA section (at offset 3)"],
    ["<![CDATA[x]]><a/>", "CDATA outside the root element (at offset 0)"],
    ["<a><?pi x</a>", "Unclosed processing instruction (at offset 3)"],
    ["<a><? x?></a>", "Processing instruction without a target (at offset 3)"],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', "Document type declarations are not read (at offset 0)"],
    ["<a><!ELEMENT x></a>", "Malformed markup after `<!` (at offset 3)"],
    [
      "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
      "Document type declarations are not read (at offset 0)",
    ],
    ["<html><body>Service unavailable<br></body></html>", "End tag </body> does not close <br> (at offset 35)"],
    ['{"message":"not xml"}', "Text before the root element (at offset 0)"],
  ];
  for (const [doc, message] of cases) {
    it(JSON.stringify(doc.length > 60 ? doc.slice(0, 60) + "…" : doc), () => {
      expect(refusal(doc)).toBe(message);
    });
  }

  it("throws nothing but XmlError on arbitrary text and bytes", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom("<", ">", "/", "a", "b", "=", '"', "'", "&", ";", "#", "x", "!", "?", "-", "[", "]", " ", "C", "D", "A", "T") }), fc.string({ unit: "binary" })), (text) => {
        const r = refusal(text);
        expect(typeof r).toBe("string");
      }),
      { numRuns: 3000, seed: 8 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          reader.parseXml(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(reader.XmlError);
        }
      }),
      { numRuns: 2000, seed: 8 },
    );
  });

  it("reads hostile inputs of 2 MB in one pass (a super-linear scan would not finish)", () => {
    const size = 2_000_000;
    const hostile: [string, string][] = [
      ["<a>" + "&".repeat(size) + "</a>", "A `&` that starts no reference (write `&amp;`) (at offset 3)"],
      ["<a>" + "&#1".repeat(size / 3) + "</a>", "A `&` that starts no reference (write `&amp;`) (at offset 3)"],
      ["<a " + 'b="'.repeat(size / 3), "Malformed start tag <a> (at offset 9)"],
      ["<a>" + "<!--".repeat(size / 4), "Unclosed comment (at offset 3)"],
      ["<a>" + "<?p".repeat(size / 3), "Unclosed processing instruction (at offset 3)"],
      ["<a>" + "<![CDATA[".repeat(size / 9), "Unclosed CDATA section (at offset 3)"],
      ["<a>" + "]]>".repeat(size / 3) + "</a>", "accepted"],
      ["<" + "a".repeat(size), `Unclosed start tag <${"a".repeat(size)}> (at offset ${size + 1})`],
      ["<a>" + "<b/>".repeat(size / 4) + "</a>", "accepted"],
      // Many short text nodes: a search for `&` past each node's end would be quadratic.
      ["<a>" + "<b>x</b>".repeat(size / 8) + "</a>", "accepted"],
      ["<a>" + "<b>&amp;</b>".repeat(size / 12) + "</a>", "accepted"],
      ["<a>" + "<b c='x'>y</b>\n".repeat(size / 16) + "</a>", "accepted"],
      ["<a>" + "&amp;".repeat(size / 5) + "</a>", "accepted"],
      ["<a " + Array.from({ length: 50_000 }, (_, i) => `b${i}="&lt;"`).join(" ") + "/>", "accepted"],
      ["<a>" + "\r".repeat(size) + "</a>", "accepted"],
    ];
    for (const [doc, message] of hostile) expect(refusal(doc).slice(0, 200)).toBe(message.slice(0, 200));
  });
});

// ---------------------------------------------------------------------------------------------
// The differential test: random trees written as XML with random escaping, CDATA, comments,
// processing instructions and layout, read back by fast-xml-parser and by ours.

interface Tree {
  name: string;
  attributes: [string, string][];
  /** Text pieces and child elements, interleaved. */
  content: (string | Tree)[];
}

const NAME_START = [..."abcXYZ_é"];
const NAME_REST = [..."abcXYZ_é019.-"];
const arbName = fc
  .tuple(fc.constantFrom("", "", "", "p:", "ns2:"), fc.constantFrom(...NAME_START), fc.array(fc.constantFrom(...NAME_REST), { maxLength: 6 }))
  .map(([prefix, first, rest]) => prefix + first + rest.join(""));
// Characters of text and attribute values: markup, quotes, spaces, non-ASCII, an astral one. No
// literal CR, tab or LF in attributes (XML normalises those; fast-xml-parser does not).
const TEXT_CHARS = [..."ab <>&\"' \n\t]-é中", "\u{1F600}", "\u00A0"];
const ATTR_CHARS = [..."ab <>&\"' é中", "\u{1F600}"];
const arbText = fc.array(fc.constantFrom(...TEXT_CHARS), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(""));
const arbAttrValue = fc.array(fc.constantFrom(...ATTR_CHARS), { maxLength: 10 }).map((cs) => cs.join(""));
const arbAttributes = fc.uniqueArray(fc.tuple(arbName.filter((n) => n !== "xmlns"), arbAttrValue), { selector: ([n]) => n, maxLength: 3 });

const arbTree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.record({
    name: arbName,
    attributes: arbAttributes,
    content: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant([] as (string | Tree)[]),
      fc.array(fc.oneof(arbText, tie("tree")), { maxLength: 4 }),
    ),
  }),
})).tree;

/** A tiny deterministic PRNG for the writing choices (escapes, layout), seeded per document. */
function choices(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

function escapeChar(c: string, pick: (n: number) => number, inAttribute: string | undefined): string {
  const code = c.codePointAt(0)!;
  const forced = c === "<" || c === "&" || (inAttribute !== undefined && c === inAttribute);
  const choice = pick(forced ? 3 : 8);
  if (choice >= 3) return c;
  if (choice === 0) return `&#${code};`;
  if (choice === 1) return `&#x${pick(2) ? code.toString(16).toUpperCase() : code.toString(16)};`;
  const named: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" };
  return named[c] ?? `&#x${code.toString(16)};`;
}

function writeText(text: string, pick: (n: number) => number): string {
  // A piece of text as escaped characters, or (without `]]>`) as a CDATA section.
  if (pick(4) === 0 && !text.includes("]]>")) return `<![CDATA[${text}]]>`;
  return [...text].map((c) => escapeChar(c, pick, undefined)).join("");
}

const blanks = (pick: (n: number) => number) => ["", " ", "  ", "\n", "\t"][pick(5)]!;

function writeTree(tree: Tree, pick: (n: number) => number): string {
  // Iterative writer (deep random trees): a stack of pending strings and subtrees.
  let out = "";
  const work: (string | Tree)[] = [tree];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    if (typeof item === "string") {
      out += item;
      continue;
    }
    let tag = "<" + item.name;
    for (const [name, value] of item.attributes) {
      const quote = pick(2) ? '"' : "'";
      tag += " " + blanks(pick).trim() + name + blanks(pick) + "=" + blanks(pick) + quote + [...value].map((c) => escapeChar(c, pick, quote)).join("") + quote;
    }
    tag += blanks(pick);
    if (item.content.length === 0 && pick(2)) {
      out += tag + "/>";
      continue;
    }
    out += tag + ">";
    const parts: (string | Tree)[] = [];
    for (const c of item.content) {
      if (pick(6) === 0) parts.push(pick(2) ? "<!-- c - > -->" : "<?pi some data?>");
      parts.push(typeof c === "string" ? writeText(c, pick) : c);
    }
    parts.push("</" + item.name + blanks(pick) + ">");
    for (let i = parts.length - 1; i >= 0; i--) work.push(parts[i]!);
  }
  return out;
}

/** The tree a correct parser reads from a written Tree: text pieces joined, attributes sorted. */
function expected(tree: Tree): Plain {
  return {
    name: tree.name,
    attributes: [...tree.attributes].sort(byKey),
    text: tree.content.filter((c): c is string => typeof c === "string").join(""),
    children: tree.content.filter((c): c is Tree => typeof c !== "string").map(expected),
  };
}

const fxp = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  // Numeric character references are decoded only with htmlEntities on (no HTML name is written).
  htmlEntities: true,
  cdataPropName: "#cdata",
  commentPropName: "#comment",
});

/** fast-xml-parser's ordered output as the same comparable tree. */
function fromFxp(items: readonly unknown[]): Plain[] {
  const out: Plain[] = [];
  for (const item of items) {
    const record = item as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === ":@" || key === "#comment" || key === "#text" || key === "#cdata") continue;
      const children = value as readonly unknown[];
      const attributes = Object.entries((record[":@"] ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)] as [string, string]);
      out.push({ name: key, attributes: attributes.sort(byKey), text: textOfFxp(children), children: fromFxp(children) });
    }
  }
  return out;
}

function textOfFxp(items: readonly unknown[]): string {
  let text = "";
  for (const item of items) {
    const record = item as Record<string, unknown>;
    if ("#text" in record) text += String(record["#text"]);
    if ("#cdata" in record) for (const inner of record["#cdata"] as Record<string, unknown>[]) text += String(inner["#text"] ?? "");
  }
  return text;
}

/** Whether the document references a C0 control character other than tab, LF and CR. */
function controlReference(doc: string): boolean {
  for (const m of doc.matchAll(/&#(x?)([0-9a-fA-F]{1,8});/g)) {
    const code = parseInt(m[2]!, m[1] ? 16 : 10);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

describe("parseXml: differential against fast-xml-parser", () => {
  it("reads random documents as the tree they were written from, as fast-xml-parser does", () => {
    let documents = 0;
    fc.assert(
      fc.property(arbTree, fc.integer(), fc.boolean(), (tree, seed, prolog) => {
        const pick = choices(seed);
        const doc = (prolog ? '<?xml version="1.0" encoding="UTF-8"?>\n<!-- head -->' : "") + writeTree(tree, pick) + (prolog ? "\n<!-- tail -->\n" : "");
        const ours = parse(doc);
        expect(ours).toEqual(expected(tree));
        const theirs = fromFxp(fxp.parse(doc) as unknown[]);
        expect(theirs).toEqual([ours]);
        documents++;
      }),
      { numRuns: 1500, seed: 42 },
    );
    expect(documents).toBe(1500);
  });

  it("on mutated documents: an XmlError or a tree, and where both parsers read one, the same tree", () => {
    let agreed = 0;
    let refused = 0;
    let skipped = 0;
    fc.assert(
      fc.property(arbTree, fc.integer(), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom("<", ">", "/", "&", ";", '"', "=", "!", "-", "?", "a", " ", "]")), { minLength: 1, maxLength: 3 }), (tree, seed, edits) => {
        let doc = writeTree(tree, choices(seed));
        for (const [at, kind, c] of edits) {
          const i = at % (doc.length + 1);
          doc = kind === 0 ? doc.slice(0, i) + doc.slice(i + 1) : kind === 1 ? doc.slice(0, i) + c + doc.slice(i) : doc.slice(0, i) + c + doc.slice(i + 1);
        }
        let ours: Plain;
        try {
          ours = parse(doc);
        } catch (error) {
          expect(error).toBeInstanceOf(reader.XmlError);
          refused++;
          return;
        }
        // A known, deliberate difference: references to C0 controls (`&#x1;`) are decoded by ours
        // (XML 1.1 allows them, and S3 sends them in object keys) and dropped by fast-xml-parser.
        if (controlReference(doc)) {
          skipped++;
          return;
        }
        let theirs: Plain[];
        try {
          theirs = fromFxp(fxp.parse(doc) as unknown[]);
        } catch {
          return;
        }
        expect(theirs, JSON.stringify(doc)).toEqual([ours]);
        agreed++;
      }),
      { numRuns: 2000, seed: 7 },
    );
    // Both outcomes are exercised.
    expect(agreed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(500);
    expect(skipped).toBeLessThan(50);
    console.log(`xml differential, mutated documents: ${agreed} read alike by both, ${refused} refused by ours, ${skipped} skipped (a control character reference)`);
  });
});
