// Prism mock servers in one process of their own (started by server.ts, with
// test/servers/offline-guard.cjs preloaded; loading Prism's modules is most of its start-up, so
// one process serves every document of a run): for each OpenAPI document (JSON) named on the
// command line, a server on a free 127.0.0.1 port with request validation on, and one line when
// it listens.
//
//   node --require test/servers/offline-guard.cjs test/prism/prism-child.cjs [--security] [--validate-response] [--amz-json] /tmp/a.json /tmp/b.json
//   → stdout: "prism 0 listening on http://127.0.0.1:40123 (16 operations)"
//             "prism 1 listening on http://127.0.0.1:40125 (2 operations)"
//
// Prism gets the parsed document, never a path or URL, and the parent refuses documents with a
// `$ref` outside themselves, so its resolver reads no file and fetches nothing. An error Prism
// throws while it handles a request (it has a few, e.g. a matrix path parameter it failed to
// extract) would end the process; it is written to stderr as "prism-crash: <message>" instead,
// and the request that caused it stays unanswered (the parent times it out and reports it).

"use strict";
const { readFileSync } = require("node:fs");
const { dirname } = require("node:path");
if (process.argv.includes("--amz-json")) readAmzJsonAsJson();
const { getHttpOperationsFromSpec } = require("@stoplight/prism-http");
const { createServer } = require("@stoplight/prism-http-server");
const { createLogger } = require("@stoplight/prism-core");

// The parent holds our stdin open: when it goes (a killed test worker too), so do we.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();

process.on("unhandledRejection", (error) => {
  process.stderr.write(`prism-crash: ${String(error && error.stack ? error.stack : error).replace(/\n/g, " | ")}\n`);
});

async function main() {
  const args = process.argv.slice(2);
  const checkSecurity = args.includes("--security");
  const validateResponse = args.includes("--validate-response");
  const files = args.filter((a) => !a.startsWith("--"));
  const config = {
    isProxy: false,
    validateRequest: true,
    validateResponse,
    checkSecurity,
    errors: false,
    upstreamProxy: undefined,
    mock: { dynamic: false },
  };
  const logger = createLogger("TEST", { level: "silent" });
  for (const [index, file] of files.entries()) {
    const operations = await getHttpOperationsFromSpec(JSON.parse(readFileSync(file, "utf8")));
    const server = createServer(operations, { cors: false, config, components: { logger } });
    const url = await server.listen(0, "127.0.0.1");
    process.stdout.write(`prism ${index} listening on ${url} (${operations.length} operations)\n`);
  }
}

/**
 * --amz-json (the client test): Prism's server reads a request body as JSON only when its media
 * type is application/json or application/*+json (server.js parseRequestBody, through `type-is`),
 * and writes an answer as JSON only for those (serialize.js; any other object answer is a 500,
 * NO_COMPLEX_OBJECT_TEXT). AWS's JSON protocol's application/x-amz-json-1.0 and 1.1 (our Cognito
 * document's) are JSON, so both sides treat them as JSON here: the `type-is` Prism's server
 * requires answers "is JSON" for them (installed in the module cache before Prism loads), and the
 * serializer module's export, looked up on each answer, writes them with JSON.stringify. Without
 * the flag (the serializer test) Prism stays as it is and known.ts lists json-media-type-not-json.
 */
function readAmzJsonAsJson() {
  const server = dirname(require.resolve("@stoplight/prism-http-server"));
  const amz = /^application\/x-amz-json-1\.[01]\s*(;|$)/i;
  const path = require.resolve("type-is", { paths: [server] });
  const typeIs = require(path);
  const patched = Object.assign(
    (request, types) => (amz.test(request.headers["content-type"] ?? "") && types.includes("application/json") && typeIs.hasBody(request) ? "application/json" : typeIs(request, types)),
    typeIs,
  );
  require.cache[path].exports = patched;
  const serialize = require(require.resolve("./serialize", { paths: [server] }));
  const original = serialize.serialize;
  serialize.serialize = (payload, contentType) => (amz.test(contentType ?? "") && payload !== undefined && typeof payload !== "string" ? JSON.stringify(payload) : original(payload, contentType));
}

main().catch((error) => {
  process.stderr.write(`prism-failed: ${String(error && error.stack ? error.stack : error)}\n`);
  process.exit(1);
});
