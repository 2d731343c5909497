// OpenAPI requests on the wire (test/openapi/fixtures/wire.yaml): URL-encoded forms by the
// Encoding Object, multipart/form-data bodies (read back by undici's own multipart parser,
// `Response.formData()`), XML bodies from the `xml` objects, text, the `servers` base path, and
// the OpenAPI 3.0.3 style table for labels, delimited objects and deepObject parameters.

import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureFiles, generateFiles, generateToTemp } from "./helpers.js";

interface Request {
  method: string;
  path: string;
  query: readonly string[];
  headers: Record<string, string>;
  body?: string | Uint8Array;
}
let s: Record<string, (input: unknown) => Request>;

beforeAll(async () => {
  const dir = await generateToTemp(fixtureFiles("wire.yaml"), "wire");
  s = (await import(join(dir, "serializers.ts"))) as typeof s;
});

/** The form body as decoded name/value pairs, in order. */
const pairs = (body: string | Uint8Array | undefined) => [...new URLSearchParams(String(body)).entries()];

describe("URL-encoded form bodies", () => {
  const input = {
    amount: 100,
    id: "read-only, never sent",
    metadata: { order: "a b", "k[1]": "v" },
    address: { line1: "1 Main", geo: { lat: 1.5, lng: -2 } },
    expand: ["customer", "invoice.x"],
    line_items: [{ price: "p_1", quantity: 2, tax_rates: ["t1", "t2"] }, { price: "p_2" }],
    tags: ["a", "b"],
    csv: ["a", "b,c"],
    pipes: ["x", "y"],
    flat: { a: "1", b: 2 },
    plain: { a: "z" },
    asJson: [1, 2],
    url: "http://a.b/c?d=e&f#g",
    when: new Date(0),
    flag: false,
  };

  it("every field as its Encoding Object says, whole body", () => {
    const request = s["serializeCreateChargeRequest"]!(input);
    expect({ ...request, body: undefined }).toEqual({ method: "POST", path: "/api/v2/charges", query: [], headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: undefined });
    expect(request.body).toBe(
      [
        "amount=100",
        "metadata%5Border%5D=a%20b",
        "metadata%5Bk%5B1%5D%5D=v",
        "address%5Bline1%5D=1%20Main",
        "address%5Bgeo%5D%5Blat%5D=1.5",
        "address%5Bgeo%5D%5Blng%5D=-2",
        "expand%5B0%5D=customer",
        "expand%5B1%5D=invoice.x",
        "line_items%5B0%5D%5Bprice%5D=p_1",
        "line_items%5B0%5D%5Bquantity%5D=2",
        "line_items%5B0%5D%5Btax_rates%5D%5B0%5D=t1",
        "line_items%5B0%5D%5Btax_rates%5D%5B1%5D=t2",
        "line_items%5B1%5D%5Bprice%5D=p_2",
        // No Encoding Object: arrays one field per item (form, exploded), objects as JSON.
        "tags=a",
        "tags=b",
        "csv=a,b%2Cc",
        "pipes=x|y",
        // style form, explode true: the object's properties become fields of their own.
        "a=1",
        "b=2",
        "plain=%7B%22a%22%3A%22z%22%7D",
        "asJson=%5B1%2C2%5D",
        // allowReserved keeps :/? but never & = + # (they would change what the form says).
        "url=http://a.b/c?d%3De%26f%23g",
        "when=1970-01-01T00%3A00%3A00Z",
        "flag=false",
      ].join("&"),
    );
  });

  it("decodes to the fields a server reads (Stripe's bracket notation)", () => {
    const decoded = pairs(s["serializeCreateChargeRequest"]!(input).body);
    expect(decoded.slice(0, 7)).toEqual([
      ["amount", "100"],
      ["metadata[order]", "a b"],
      ["metadata[k[1]]", "v"],
      ["address[line1]", "1 Main"],
      ["address[geo][lat]", "1.5"],
      ["address[geo][lng]", "-2"],
      ["expand[0]", "customer"],
    ]);
    expect(decoded.find(([k]) => k === "url")).toEqual(["url", "http://a.b/c?d=e&f#g"]);
  });

  it("only what is set is sent", () => {
    expect(s["serializeCreateChargeRequest"]!({ amount: 0, expand: [], metadata: {} }).body).toBe("amount=0");
  });
});

describe("multipart/form-data bodies", () => {
  const input = {
    id: "7",
    file: new Uint8Array([137, 80, 78, 71, 13, 10]),
    pictures: [new Uint8Array([1]), new Uint8Array([2, 0])],
    meta: { size: 3, id: "read-only" },
    note: "héllo \"q\"",
    count: 5,
    csv: "a,b",
  };

  it("parts with names, filenames, content types and the Encoding Object's headers; bytes as they are", async () => {
    const request = s["serializeUploadFilesRequest"]!(input);
    const contentType = request.headers["Content-Type"]!;
    expect(contentType).toMatch(/^multipart\/form-data; boundary=shapesmith-[0-9a-f]{8}$/);
    const boundary = contentType.split("boundary=")[1]!;
    const text = Buffer.from(request.body as Uint8Array).toString("latin1");
    expect(text).toBe(
      [
        `--${boundary}`,
        `Content-Disposition: form-data; name="file"; filename="file"`,
        `Content-Type: image/png`,
        `X-Rate-Limit-Limit: 10`,
        ``,
        `\x89PNG\r\n`,
        `--${boundary}`,
        `Content-Disposition: form-data; name="pictures"; filename="pictures"`,
        `Content-Type: application/octet-stream`,
        ``,
        `\x01`,
        `--${boundary}`,
        `Content-Disposition: form-data; name="pictures"; filename="pictures"`,
        `Content-Type: application/octet-stream`,
        ``,
        `\x02\x00`,
        `--${boundary}`,
        `Content-Disposition: form-data; name="meta"`,
        `Content-Type: application/json`,
        ``,
        `{"size":3}`,
        `--${boundary}`,
        `Content-Disposition: form-data; name="note"`,
        ``,
        Buffer.from("héllo \"q\"").toString("latin1"),
        `--${boundary}`,
        `Content-Disposition: form-data; name="count"`,
        ``,
        `5`,
        `--${boundary}`,
        `Content-Disposition: form-data; name="csv"`,
        `Content-Type: text/csv`,
        ``,
        `a,b`,
        `--${boundary}--`,
        ``,
      ].join("\r\n"),
    );
    // An independent reader: undici's multipart parser.
    const form = await new Response(request.body as Uint8Array, { headers: { "content-type": contentType } }).formData();
    const file = form.get("file") as File;
    expect([file.name, file.type, [...new Uint8Array(await file.arrayBuffer())]]).toEqual(["file", "image/png", [137, 80, 78, 71, 13, 10]]);
    const pictures = await Promise.all((form.getAll("pictures") as File[]).map(async (f) => [...new Uint8Array(await f.arrayBuffer())]));
    expect(pictures).toEqual([[1], [2, 0]]);
    expect(form.get("note")).toBe("héllo \"q\"");
    expect(form.get("count")).toBe("5");
    expect(form.get("meta")).toBe('{"size":3}');
  });

  it("the same input gives the same bytes (the boundary comes from the content)", () => {
    expect(s["serializeUploadFilesRequest"]!(input)).toEqual(s["serializeUploadFilesRequest"]!({ ...input }));
    expect(s["serializeUploadFilesRequest"]!(input).headers).not.toEqual(s["serializeUploadFilesRequest"]!({ ...input, note: "other" }).headers);
  });
});

describe("XML, text, servers and parameter styles", () => {
  it("an XML body from the xml objects: root name, prefix and namespace, attribute, wrapped and unwrapped arrays; readOnly left out", () => {
    expect(s["serializeAddPetRequest"]!({ id: 3, name: "Rex & co", tags: ["a", "b"], photos: ["p1"], aliases: ["x"], secret: "s" })).toEqual({
      method: "POST",
      // The operation's own `servers` entry wins over the document's.
      path: "/xml-api/pets",
      query: [],
      headers: { "Content-Type": "application/xml" },
      body:
        '<?xml version="1.0" encoding="UTF-8"?><ex:pet xmlns:ex="https://example.com/schema" id="3"><Name>Rex &amp; co</Name>' +
        "<tag>a</tag><tag>b</tag><photos><photos>p1</photos></photos><aka><alias>x</alias></aka></ex:pet>",
    });
  });

  it("text/plain", () => {
    expect(s["serializeAddNoteRequest"]!({ body: "hi" })).toEqual({ method: "POST", path: "/api/v2/notes", query: [], headers: { "Content-Type": "text/plain" }, body: "hi" });
  });

  it("labels, matrix, delimited objects and deepObject parameters as the OpenAPI 3.0.3 table shows them", () => {
    const request = s["serializeLabelsRequest"]!({
      a: ["x", "y"], o: { R: 1, G: 2 }, e: { R: 1, G: 2 }, m: ["p", "q"], so: { R: 1, G: 2 }, po: { R: 1, G: 2 },
      deep: { created: { gt: 5 }, status: "ok" }, expand: ["a", "b"],
    });
    expect(request).toEqual({
      method: "GET",
      path: "/api/v2/label/.x.y/.R.1.G.2/.R=1.G=2/;m=p;m=q",
      query: ["so=R%201%20G%202", "po=R|1|G|2", "deep%5Bcreated%5D%5Bgt%5D=5", "deep%5Bstatus%5D=ok", "expand%5B0%5D=a", "expand%5B1%5D=b"],
      headers: {},
    });
  });

  it("label and matrix with empty values (fixtures/empty-styles.yaml): an empty string keeps the prefix, an empty array or object expands to nothing", async () => {
    const dir = await generateToTemp(fixtureFiles("empty-styles.yaml"), "empty-styles");
    const e = (await import(join(dir, "serializers.ts"))) as typeof s;
    const full = { ls: "a", ms: "b", la: ["x", "y"], ma: ["x", "y"], mx: ["x", "y"], lo: { R: "1" }, mo: { R: "1" }, me: { R: "1", G: "2" }, sa: ["x"] };
    expect(e["serializeEmptiesRequest"]!(full).path).toBe("/s/.a/;ms=b/.x.y/;ma=x,y/;mx=x;mx=y/.R.1/;mo=R,1/;R=1;G=2/x");
    // The OpenAPI 3.0.3 table's `empty` column (the empty string, as 3.0.4 and 3.1.1 say): `;color`, and `.`, a dot segment, refused.
    expect(e["serializeEmptiesRequest"]!({ ...full, ms: "" }).path).toBe("/s/.a/;ms/.x.y/;ma=x,y/;mx=x;mx=y/.R.1/;mo=R,1/;R=1;G=2/x");
    expect(() => e["serializeEmptiesRequest"]!({ ...full, ls: "" })).toThrow(/has a "\." segment/);
    // RFC 6570 §2.3: a list or associative array without members is undefined; §3.2.1: no prefix either.
    expect(e["serializeEmptiesRequest"]!({ ...full, la: [], ma: [], mx: [], lo: {}, mo: {}, me: {}, sa: [] }).path).toBe("/s/.a/;ms=b///////");
  });

  it("a path parameter that makes a whole segment `.` or `..` is refused: URL parsing would remove the segment, percent-encoded or not", () => {
    const refused = (path: string, segment: string) =>
      new RangeError(`The request path ${JSON.stringify(path)} has a "${segment}" segment: a path parameter cannot be "." or "..", which URL parsing removes (RFC 3986 §5.2.4), percent-encoded or not, so the request would reach another resource`);
    expect(() => s["serializeUploadFilesRequest"]!({ id: "." })).toThrow(refused("/api/v2/files/.", "."));
    expect(() => s["serializeUploadFilesRequest"]!({ id: ".." })).toThrow(refused("/api/v2/files/..", ".."));
    // A label-style item "." makes the segment `..`.
    const labels = { o: { R: 1 }, e: { R: 1 }, m: ["p"] };
    expect(() => s["serializeLabelsRequest"]!({ ...labels, a: ["."] })).toThrow(refused("/api/v2/label/../.R.1/.R=1/;m=p", ".."));
    // Dots inside a segment, or more than two, are plain values.
    expect(s["serializeUploadFilesRequest"]!({ id: "..." }).path).toBe("/api/v2/files/...");
    expect(s["serializeUploadFilesRequest"]!({ id: ".a" }).path).toBe("/api/v2/files/.a");
    expect(s["serializeLabelsRequest"]!({ ...labels, a: [".."] }).path).toBe("/api/v2/label/.../.R.1/.R=1/;m=p");
    // What fetch would have done with them (WHATWG URL: `%2E` is a dot too, RFC 3986 §2.3 makes them equal).
    expect(["/api/v2/files/.", "/api/v2/files/..", "/api/v2/files/%2E", "/api/v2/files/%2e%2E"].map((p) => new URL(p, "http://h").pathname)).toEqual(["/api/v2/files/", "/api/v2/", "/api/v2/files/", "/api/v2/"]);
  });

  it("the document generates without a warning", async () => {
    const result = await generateFiles(fixtureFiles("wire.yaml"), "wire", false);
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });
});
