// The HTTP and wire checks of generator/smithy/validate/ on small models, for the choices the
// reference's error files do not pin down: which URIs conflict, how an `@httpLabel` member names
// its label, which host prefixes tell operations apart, the media type grammar, and streams that
// a protocol wants as the payload.
//
//   @http(method: "GET", uri: "/a/{x}") operation A …   @http(method: "GET", uri: "/a/{y}") operation B …
//   → ["SMITHY_HTTP_URI_CONFLICT ns#A", "SMITHY_HTTP_URI_CONFLICT ns#B"]

import { expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithyModels } from "../../generator/smithy/frontend.js";
import { mediaTypeProblem } from "../../generator/smithy/validate/wire-traits.js";

/** `CODE ns#Shape` of each error the front end reports on an IDL model. */
function errors(text: string): string[] {
  const diags = new Diagnostics();
  loadSmithyModels({ name: "m", files: [{ path: "m.smithy", text: `$version: "2"\nnamespace ns\n${text}` }] }, diags);
  return diags.items
    .filter((d) => d.severity === "error")
    .map((d) => `${d.code} ${(d.pointer ?? "").split("/")[2]?.replace(/~1/g, "/") ?? "-"}`)
    .sort();
}

/** A service over operations `GET` + uri each, with a required label member `id` where the URI has `{id}`. */
function service(uris: Record<string, string>, extra = ""): string {
  const ops = Object.entries(uris).map(([name, uri]) => {
    const [method, path] = uri.split(" ") as [string, string];
    const input = path.includes("{id}") ? `input := { @required @httpLabel id: String }` : "";
    return `@http(method: "${method}", uri: "${path}") ${method === "GET" ? "@readonly" : ""} operation ${name} { ${input} }`;
  });
  return `service S { version: "1", operations: [${Object.keys(uris).join(", ")}] }\n${ops.join("\n")}\n${extra}`;
}

test("URIs conflict when they are equivalent: labels at the same places, same literals and query literals", () => {
  expect(errors(service({ A: "GET /a/{id}", B: "GET /a/{id}" }))).toEqual(["SMITHY_HTTP_URI_CONFLICT ns#A", "SMITHY_HTTP_URI_CONFLICT ns#B"]);
  expect(errors(service({ A: "GET /a/{id}", B: "GET /a/b" }))).toEqual([]); // the literal is the more specific route
  expect(errors(service({ A: "GET /a/{id}", B: "PUT /a/{id}" }))).toEqual([]);
  expect(errors(service({ A: "GET /a?x=1", B: "GET /a?x=2" }))).toEqual([]);
  expect(errors(service({ A: "GET /a?x=1", B: "GET /a?x=1" }))).toEqual(["SMITHY_HTTP_URI_CONFLICT ns#A", "SMITHY_HTTP_URI_CONFLICT ns#B"]);
});

test("host prefixes tell operations with the same URI apart unless they are alike", () => {
  const ops = (a: string, b: string) => `service S { version: "1", operations: [A, B] }
    @http(method: "POST", uri: "/x") @endpoint(hostPrefix: "${a}") operation A {}
    @http(method: "POST", uri: "/x") @endpoint(hostPrefix: "${b}") operation B {}`;
  expect(errors(ops("a.", "b."))).toEqual([]);
  expect(errors(ops("a.", "a."))).toEqual(["SMITHY_HTTP_URI_CONFLICT ns#A", "SMITHY_HTTP_URI_CONFLICT ns#B"]);
});

test("an @httpLabel member binds the label of its name, or of its @resourceIdentifier", () => {
  const op = (uri: string) => `service S { version: "1", operations: [Get] }
    @http(method: "GET", uri: "${uri}") @readonly operation Get {
    input := { @required @httpLabel @resourceIdentifier("ThingId") thing: String } }`;
  expect(errors(op("/things/{thing}"))).toEqual([]); // as AWS models label members (cleanrooms, omics, rum)
  expect(errors(op("/things/{ThingId}"))).toEqual([]);
  expect(errors(op("/things/{other}"))).toEqual(["SMITHY_HTTP_LABEL ns#Get", "SMITHY_HTTP_LABEL ns#GetInput"]);
});

test("an empty @httpPrefixHeaders prefix is no conflict with an @httpHeader (the reference only notes it)", () => {
  const shape = (prefix: string) => `service S { version: "1" }
    structure H { @httpPrefixHeaders("${prefix}") all: M, @httpHeader("X-A") a: String }
    map M { key: String, value: String }`;
  expect(errors(shape(""))).toEqual([]);
  expect(errors(shape("x-"))).toEqual(["SMITHY_HTTP_PREFIX_HEADERS ns#H"]);
});

test("a stream in a service whose protocol supports @httpPayload is the payload", () => {
  const model = (payload: string) => `@trait(selector: "service") @protocolDefinition(traits: ["smithy.api#httpPayload", "smithy.api#http"])
    structure proto {}
    @proto service S { version: "1", operations: [Get] }
    @http(method: "GET", uri: "/x") @readonly operation Get { output := { ${payload} @required body: Body } }
    @streaming blob Body`;
  expect(errors(model("@httpPayload"))).toEqual([]);
  expect(errors(model(""))).toEqual(["SMITHY_STREAMING ns#GetOutput"]);
});

test("media types parse as RFC 9110 writes them", () => {
  for (const ok of ["text/plain", "application/foo+json; a=b;c=\"d;\\\"e\"", "video/mp4 ; codecs=avc1"]) expect(mediaTypeProblem(ok), ok).toBeUndefined();
  for (const bad of ["text", "text/", "/plain", "text/plain;", "text/plain; a", "text/plain; a=", "text/plain; a=\"b", "text/pl ain", "tëxt/plain"]) expect(mediaTypeProblem(bad), bad).toBeDefined();
});

test("the built-in protocol definitions list their traits: restJson1 and restXml need @http and streams as @httpPayload", () => {
  const model = (protocol: string) => `use aws.protocols#${protocol}
    @${protocol} service S { version: "1", operations: [A, B] }
    @http(method: "GET", uri: "/a") @readonly operation A { output := { @required body: Body } }
    operation B {}
    @streaming blob Body`;
  for (const rest of ["restJson1", "restXml"]) expect(errors(model(rest)), rest).toEqual(["SMITHY_HTTP_BINDINGS_MISSING ns#B", "SMITHY_STREAMING ns#AOutput"]);
  for (const rpc of ["awsJson1_0", "awsJson1_1"]) expect(errors(model(rpc)), rpc).toEqual([]);
});
