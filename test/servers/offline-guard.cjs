// Preloaded (`node --require`) into every server the real-server tests start: any TCP or TLS
// connection to a host that is not loopback, and any DNS lookup of a name other than localhost,
// is refused and reported on stderr as one line, so the tests can prove the server reached
// nothing outside the machine.
//
//   node --require test/servers/offline-guard.cjs -e "require('net').connect(443, '192.0.2.1')"
//   → stderr: "offline-guard: blocked connect to 192.0.2.1:443"  (the socket fails with that error)
//
// Unix sockets and pipes (a `path`) are local and pass.

"use strict";
const net = require("node:net");
const dns = require("node:dns");

const PREFIX = "offline-guard: blocked ";

function isLoopback(host) {
  if (host === undefined || host === null || host === "") return true; // Node defaults to localhost
  const h = String(host).replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\.\d+\.\d+\.\d+$/.test(h);
}

function report(what) {
  process.stderr.write(PREFIX + what + "\n");
  return new Error(PREFIX + what);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  // net.connect hands over its normalized [options, callback] array; a direct call passes
  // (options[, cb]), (port[, host][, cb]) or (path[, cb]).
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = first !== null && typeof first === "object" ? first : typeof first === "string" && !/^\d+$/.test(first) ? { path: first } : { port: first, host: typeof args[1] === "string" ? args[1] : undefined };
  if (options.path === undefined && !isLoopback(options.host)) {
    const error = report(`connect to ${options.host}:${options.port}`);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
  if (!isLoopback(hostname) && net.isIP(hostname) === 0) {
    const error = report(`lookup of ${hostname}`);
    const callback = rest[rest.length - 1];
    if (typeof callback === "function") process.nextTick(() => callback(Object.assign(error, { code: "ENOTFOUND" })));
    return {};
  }
  return lookup.call(this, hostname, ...rest);
};
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = function guardedLookupPromise(hostname, ...rest) {
  if (!isLoopback(hostname) && net.isIP(hostname) === 0) return Promise.reject(Object.assign(report(`lookup of ${hostname}`), { code: "ENOTFOUND" }));
  return lookupPromise.call(this, hostname, ...rest);
};
