// Prism mock servers in one process of their own (started by server.ts, with
// test/servers/offline-guard.cjs preloaded; loading Prism's modules is most of its start-up, so
// one process serves every document of a run): for each OpenAPI document (JSON) named on the
// command line, a server on a free 127.0.0.1 port with request validation on, and one line when
// it listens.
//
//   node --require test/servers/offline-guard.cjs test/prism/prism-child.cjs [--security] /tmp/a.json /tmp/b.json
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
  const files = args.filter((a) => !a.startsWith("--"));
  const config = {
    isProxy: false,
    validateRequest: true,
    validateResponse: false,
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

main().catch((error) => {
  process.stderr.write(`prism-failed: ${String(error && error.stack ? error.stack : error)}\n`);
  process.exit(1);
});
