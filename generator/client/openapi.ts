// The client of an OpenAPI document: the pieces of client.ts that call one operation. Each call
// runs: validate the input (config `validate`) → serialize it once → the base URL (config
// `baseUrl`, else the operation's or the document's first server, its `{variables}` from config
// `serverVariables` or their defaults) in place of the server path the serializer put first →
// the credentials of the first security requirement the config can meet (bearer, basic, apiKey
// in header, query or cookie) → attempts of fetch (transport.ts) → deserialize the response.
//
//   servers: [{ url: "https://{env}.example.com/v1", variables: { env: { default: api } } }],
//   security: [{ bearer: [] }], operation getPet (GET /pets/{id}) →
//   export function getPet(context: PetstoreContext, input: GetPetRequest, options?: CallOptions): Promise<Pet> {
//     return invoke(context, "getPet", input, options, "validateGetPetRequest", serializeGetPetRequest, deserializeGetPetResponse, SERVERS[0], [["bearer"]]);
//   }
//   and, once per file, `SERVERS`, `invoke` and `authenticate`.

import type { GeneratedFile } from "../emit/file-builder.js";
import type { Operation, ResolvedModel, SecurityRequirements, SecurityScheme, Server } from "../model/ir.js";
import type { ClientNames } from "../naming/client.js";
import { propertyAccess, propertyKey, type Names } from "../naming/names.js";
import { RUNTIME, TRANSPORT } from "../protocols/symbols.js";
import { printClientObject } from "./aws.js";
import { operationSignature, printValidateField, printValidateStep, validatorArg, VALIDATOR_PARAM, type ClientFolder, type OperationCall } from "./shared.js";
import { commentCode, type DocLines } from "../docs/tsdoc.js";

/** The server an operation is sent to by default: its URL template and the path the serializer puts before the operation's path. */
interface ServerPlan {
  readonly url: string;
  readonly basePath: string;
}

export function printOpenApiClient(file: GeneratedFile, model: ResolvedModel, names: Names, client: ClientNames, folder: ClientFolder, docs?: DocLines): void {
  const validates = folder.has("validators.ts");
  const schemes = model.service.securitySchemes ?? [];
  const serverOf = (op: Operation): Server | undefined => op.servers?.[0] ?? model.service.servers?.[0];
  const servers: ServerPlan[] = [];
  const serverIndex = new Map<string, number>();
  for (const op of model.operations) {
    const server = serverOf(op);
    const plan = { url: server?.url ?? "", basePath: server === undefined ? "" : basePath(server) };
    const key = JSON.stringify(plan);
    if (!serverIndex.has(key)) {
      serverIndex.set(key, servers.length);
      servers.push(plan);
    }
  }
  // Every variable of the default servers: its allowed values when each server that has it lists them.
  const defaultServers = [...(model.service.servers ?? []).slice(0, 1), ...model.operations.flatMap((op) => (op.servers ?? []).slice(0, 1))];
  const variables = new Map<string, string[] | undefined>();
  const defaults: Record<string, string> = {};
  for (const server of defaultServers) {
    for (const v of server.variables) {
      const known = variables.has(v.name);
      const before = variables.get(v.name);
      variables.set(v.name, v.enum === undefined || (known && before === undefined) ? undefined : [...new Set([...(before ?? []), ...v.enum])]);
      defaults[v.name] ??= v.default;
    }
  }
  const requirementsOf = (op: Operation): SecurityRequirements => op.security ?? model.service.security ?? [];
  const usedKeys = new Set(model.operations.flatMap((op) => requirementsOf(op).flat()));
  const used = schemes.filter((s) => usedKeys.has(s.key) && supported(s));
  const callOptions = file.use(TRANSPORT.CallOptions);
  const serializeOptions = file.use(RUNTIME.SerializeOptions);
  const local = client.local;
  for (const name of [local.invoke, local.SERVERS, local.authenticate, local.SchemeKey, local.defaultOf]) file.declare(name);

  // The configuration.
  file.line(`/** The configuration of \`${client.factory}\`; every field is optional. */`, `export interface ${client.config} extends ${file.use(TRANSPORT.TransportConfig)}, ${serializeOptions} {`);
  const defaultUrl = servers[0]?.url ?? "";
  file.line(
    `  /**`,
    `   * The server to send to, in place of the document's (${defaultUrl === "" ? "it names none, so this is required" : commentCode(defaultUrl.replace(/`/g, "'"))}), e.g. \`http://127.0.0.1:4010\`.`,
    `   * Its path replaces the server's path: operation paths are appended to it.`,
    `   */`,
    `  readonly baseUrl?: string;`,
  );
  if (variables.size > 0) {
    file.line(`  /** Values of the server URL's \`{variables}\` (default: the document's defaults). */`, `  readonly serverVariables?: {`);
    for (const [name, values] of [...variables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      file.line(`    readonly ${propertyKey(name)}?: ${values === undefined || values.length === 0 ? "string" : values.map((v) => JSON.stringify(v)).join(" | ")};`);
    }
    file.line(`  };`);
  }
  if (used.length > 0) {
    file.line(`  /** Credentials of the document's security schemes, by the schemes' keys: a call sends those of the first of its security requirements the config meets. */`, `  readonly auth?: {`);
    for (const s of used) file.line(`    /** ${schemeDoc(s)} */`, `    readonly ${propertyKey(s.key)}?: ${credentialType(s)};`);
    file.line(`  };`);
  }
  if (validates) printValidateField(file, "server");
  file.line(`}`, ``);

  // The context.
  file.line(
    `/** The client without its methods: pass it to the operation functions (\`${client.operation(model.operations[0]!.id)}(context, input)\`) so that a bundle holds only the operations it calls. */`,
    `export interface ${client.context} {`,
    `  readonly config: ${client.config};`,
    `  readonly transport: ${file.use(TRANSPORT.Transport)};`,
    `}`,
    ``,
    `/** Resolves \`config\` once: the transport (and its retry quota) is shared by every call made with the context. */`,
    `export function ${client.contextFactory}(config: ${client.config} = {}): ${client.context} {`,
    `  return { config, transport: ${file.use(TRANSPORT.createTransport)}(config) };`,
    `}`,
    ``,
    `/** The servers of the operations: URL (with \`{variables}\`) and the path the serializers put first. */`,
    `const ${local.SERVERS} = ${JSON.stringify(servers)} as const;`,
    ``,
  );
  if (used.length > 0) file.line(`/** The keys of the security schemes the operations name. */`, `type ${local.SchemeKey} = ${used.map((s) => JSON.stringify(s.key)).join(" | ")};`, ``);

  // One function per operation.
  const calls: OperationCall[] = [];
  for (const op of model.operations) {
    const call = operationSignature(file, model, names, op, docs);
    calls.push({ op, call });
    const server = serverOf(op);
    const index = serverIndex.get(JSON.stringify({ url: server?.url ?? "", basePath: server === undefined ? "" : basePath(server) }))!;
    const validate = !validates ? [] : [validatorArg(names, op)];
    const security = requirementsOf(op).filter((keys) => keys.every((k) => used.some((s) => s.key === k)));
    const args = [
      JSON.stringify(op.name),
      "input",
      "options",
      ...validate,
      file.use({ name: names.serializer(op.id), file: "serializers.ts", kind: "value" }),
      file.use({ name: names.deserializer(op.id), file: "deserializers.ts", kind: "value" }),
      `${local.SERVERS}[${index}]`,
      ...(used.length > 0 ? [JSON.stringify(security)] : []),
    ];
    file.line(
      `/** Calls ${commentCode(op.name)} with \`context\`: what \`${client.client}.${client.method(op.id)}\` does, for bundles that import only what they call. */`,
      `export function ${client.operation(op.id)}(context: ${client.context}, ${call.inputParam}, options?: ${callOptions}): Promise<${call.outputType}> {`,
      `  return ${local.invoke}(context, ${args.join(", ")});`,
      `}`,
      ``,
    );
  }

  // The steps of every call.
  const wire = file.use(TRANSPORT.WireRequest);
  file.lines([
    `/** Validate?, serialize once, the base URL and credentials, then attempts of fetch → deserialize. */`,
    `async function ${local.invoke}<I, O>(`,
    `  context: ${client.context},`,
    `  operation: string,`,
    `  input: I,`,
    `  options: ${callOptions} | undefined,`,
    ...(validates ? [VALIDATOR_PARAM] : []),
    `  serialize: (input: I, options: ${serializeOptions}) => ${file.use(RUNTIME.HttpRequest)},`,
    `  deserialize: (response: ${file.use(RUNTIME.HttpResponse)}) => O,`,
    `  server: (typeof ${local.SERVERS})[number],`,
    ...(used.length > 0 ? [`  security: readonly (readonly ${local.SchemeKey}[])[],`] : []),
    `): Promise<O> {`,
    `  const config = context.config;`,
  ]);
  if (validates) printValidateStep(file);
  const variablesLine = variables.size > 0 ? `  const values: Readonly<Record<string, string | undefined>> = config.serverVariables ?? {};` : undefined;
  file.lines([
    `  const request = serialize(input, config);`,
    ...(variablesLine === undefined ? [] : [variablesLine]),
    `  let base = config.baseUrl;`,
    `  if (base === undefined) {`,
    variables.size > 0
      ? `    base = server.url.replace(/\\{([^}]*)\\}/g, (whole: string, name: string) => values[name] ?? ${local.defaultOf}(name) ?? whole);`
      : `    base = server.url;`,
    `    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\\/\\//.test(base)) throw new Error(operation + ": set \`baseUrl\` in the client's config (the document names no absolute server URL" + (base === "" ? "" : ", only " + JSON.stringify(base)) + ")");`,
    `  }`,
    `  const path = request.path.startsWith(server.basePath) ? request.path.slice(server.basePath.length) : request.path;`,
    `  const headers: Record<string, string> = { ...request.headers };`,
    `  const query = [...request.query];`,
    ...(used.length > 0 ? [`  await ${local.authenticate}(config, security, operation, headers, query);`] : []),
    `  const sent: ${wire} = { method: request.method, url: ${file.use(TRANSPORT.requestUrl)}(base, path, query), headers, ...(request.body === undefined ? {} : { body: request.body }) };`,
    `  return context.transport.call(async (attempt) => deserialize(await context.transport.send(sent, attempt.signal)), options);`,
    `}`,
    ``,
  ]);
  if (variables.size > 0) {
    file.line(
      `/** The document's default of a server variable. */`,
      `function ${local.defaultOf}(name: string): string | undefined {`,
      `  const defaults: Readonly<Record<string, string>> = ${JSON.stringify(defaults)};`,
      `  return Object.prototype.hasOwnProperty.call(defaults, name) ? defaults[name] : undefined;`,
      `}`,
      ``,
    );
  }
  if (used.length > 0) printAuthenticate(file, client, used);
  printClientObject(file, client, calls);
}

/** Only schemes a client can send get credentials in the config. */
function supported(s: SecurityScheme): boolean {
  return s.scheme.type === "httpBearerAuth" || s.scheme.type === "httpBasicAuth" || s.scheme.type === "httpApiKeyAuth";
}

function credentialType(s: SecurityScheme): string {
  return s.scheme.type === "httpBasicAuth" ? `{ readonly username: string; readonly password: string }` : `string | (() => Promise<string>)`;
}

function schemeDoc(s: SecurityScheme): string {
  const scheme = s.scheme;
  const what =
    scheme.type === "httpBearerAuth"
      ? "A bearer token (or a function that gives one), sent as `Authorization: Bearer <token>`."
      : scheme.type === "httpBasicAuth"
        ? "A user name and password, sent as `Authorization: Basic <base64>`."
        : scheme.type === "httpApiKeyAuth"
          ? `A key (or a function that gives one), sent in the ${scheme.in} \`${scheme.name}\`${scheme.scheme === undefined ? "" : ` as \`${scheme.scheme} <key>\``}.`
          : "";
  const docs = s.docs?.text.split("\n")[0]?.trim();
  return (docs ? `${docs.replace(/\*\//g, "*\\/")} ` : "") + what;
}

function printAuthenticate(file: GeneratedFile, client: ClientNames, used: readonly SecurityScheme[]): void {
  const local = client.local;
  file.line(
    `/** Adds the credentials of the first security requirement the config meets; none needed when a requirement is empty. */`,
    `async function ${local.authenticate}(config: ${client.config}, security: readonly (readonly ${local.SchemeKey}[])[], operation: string, headers: Record<string, string>, query: string[]): Promise<void> {`,
    `  if (security.length === 0) return;`,
    `  const auth = config.auth ?? {};`,
    `  const requirement = security.find((keys) => keys.every((key) => auth[key] !== undefined));`,
    `  if (requirement === undefined) {`,
    `    throw new Error(operation + " needs credentials: set " + security.map((keys) => keys.map((key) => "auth." + key).join(" and ")).join(", or ") + " in the client's config");`,
    `  }`,
    `  for (const key of requirement) {`,
    `    switch (key) {`,
  );
  for (const s of used) {
    const scheme = s.scheme;
    const access = propertyAccess("auth", s.key);
    file.line(`      case ${JSON.stringify(s.key)}: {`, `        const value = ${access};`, `        if (value === undefined) break;`);
    if (scheme.type === "httpBasicAuth") {
      file.line(`        headers["Authorization"] = "Basic " + ${file.use(RUNTIME.toBase64)}(${file.use(RUNTIME.utf8)}(value.username + ":" + value.password));`);
    } else {
      file.line(`        const secret = typeof value === "string" ? value : await value();`);
      if (scheme.type === "httpBearerAuth") file.line(`        headers["Authorization"] = "Bearer " + secret;`);
      else if (scheme.type === "httpApiKeyAuth") {
        const text = scheme.scheme === undefined ? "secret" : `${JSON.stringify(scheme.scheme + " ")} + secret`;
        if (scheme.in === "header") file.line(`        headers[${JSON.stringify(scheme.name)}] = ${text};`);
        else if (scheme.in === "query") file.line(`        query.push(${JSON.stringify(encodeQuery(scheme.name))} + "=" + ${file.use(RUNTIME.encodeQueryComponent)}(${text}));`);
        else file.line(`        headers["Cookie"] = (headers["Cookie"] === undefined ? "" : headers["Cookie"] + "; ") + ${JSON.stringify(scheme.name + "=")} + ${text};`);
      }
    }
    file.line(`        break;`, `      }`);
  }
  file.line(`      default: {`, `        const never: never = key;`, `        throw new Error("unknown security scheme " + String(never));`, `      }`, `    }`, `  }`, `}`, ``);
}

/** The path the serializers put before every path of this server: its URL's path, variables at their defaults, no trailing slash. */
export function basePath(server: Server): string {
  const url = server.url.replace(/\{([^}]*)\}/g, (whole, name: string) => server.variables.find((v) => v.name === name)?.default ?? whole);
  const path = url
    .replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, "")
    .replace(/^\/\/[^/?#]*/, "")
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "");
  return path === "" || path.startsWith("/") ? path : "/" + path;
}

/** A query name percent-encoded as RFC 3986 says (what `encodeQueryComponent` does at run time). */
function encodeQuery(name: string): string {
  return encodeURIComponent(name).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}
