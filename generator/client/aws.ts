// The client of a Smithy (or botocore) service: the pieces of client.ts that call one operation.
// Each call runs, in this order: validate the input (config `validate`) → serialize it once (so
// an idempotency token is the same on every attempt) → resolve the endpoint (endpoints.ts) and put
// the `@endpoint` host prefix before its host → per attempt: sign (sigv4.ts, when the operation's
// auth asks for it and credentials exist) → fetch (transport.ts) → deserialize the response.
//
//   operation InitiateAuth (input InitiateAuthRequest, output InitiateAuthResponse, no auth) →
//   export function initiateAuth(context: CognitoIdentityProviderContext, input: InitiateAuthRequest, options?: CallOptions): Promise<InitiateAuthResponse> {
//     return invoke(context, "InitiateAuth", input, options, "validateInitiateAuthRequest", serializeInitiateAuthRequest, deserializeInitiateAuthResponse) as Promise<InitiateAuthResponse>;
//   }
//   operation DescribeUserPoolClient (SigV4) → … deserializeDescribeUserPoolClientResponse, sign, "sigv4") as Promise<…>;
//   and, once per file, `invoke` (the steps above), `resolve` (the endpoint), `sign` (SigV4).
//
// Only what a call needs is reachable from its function, so that a bundle of one operation is
// small: the validators are named by string and come from config `validate` (the caller passes
// the validators module), and only a signed operation names `sign` (and so SigV4, the credentials).
//
// The file is printed in the formatter's layout (generator/emit/layout.ts; client/index.ts says
// so for the AWS client only), the lines that hold imported names laid out when those names are
// final (`GeneratedFile.later`): the default run does not format it. The fixed parts are written
// as oxfmt prints them; a line past 100 columns that no rule lays out sends the file to the
// formatter.

import type { Diagnostics } from "../diagnostics.js";
import type { GeneratedFile } from "../emit/file-builder.js";
import type { Operation, ResolvedModel } from "../model/ir.js";
import type { ClientNames } from "../naming/client.js";
import type { Names } from "../naming/names.js";
import { RUNTIME, SIGV4, TRANSPORT } from "../protocols/symbols.js";
import { arrowProperty, call as callLines, interfaceHead, parameters, plain, stringLiteral, type LayoutCheck } from "../emit/layout.js";
import { operationSignature, printValidateField, printValidateStep, validatorArg, VALIDATOR_PARAM, type ClientFolder, type OperationCall } from "./shared.js";
import { commentCode, type DocLines } from "../docs/tsdoc.js";

/**
 * How the client authenticates an operation: SigV4 (its payload signed, or `UNSIGNED-PAYLOAD`),
 * SigV4 when credentials exist (`@optionalAuth`), or not at all.
 */
export type Signing = "sigv4" | "sigv4-unsigned-payload" | "optional" | "none";

/** `endpoints.ts` (helper `endpoints`): the model's endpoint rules. */
const ENDPOINTS = {
  endpointParams: { name: "endpointParams", file: "endpoints.ts", kind: "value" },
  resolveEndpoint: { name: "resolveEndpoint", file: "endpoints.ts", kind: "value" },
  EndpointConfig: { name: "EndpointConfig", file: "endpoints.ts", kind: "type" },
  ResolvedEndpoint: { name: "ResolvedEndpoint", file: "endpoints.ts", kind: "type" },
} as const;


export interface AwsClientPlan {
  readonly signing: (op: Operation) => Signing;
  /** The signing name of `aws.auth#sigv4`, when any operation signs. */
  readonly signingName?: string;
}

/** Prints the AWS client's declarations (config, context, operation functions, invoke) into `file`. */
export function printAwsClient(
  file: GeneratedFile,
  model: ResolvedModel,
  names: Names,
  client: ClientNames,
  folder: ClientFolder,
  plan: AwsClientPlan,
  diags: Diagnostics,
  docs?: DocLines,
): void {
  void diags;
  const signs = plan.signingName !== undefined && model.operations.some((op) => plan.signing(op) !== "none");
  const endpoints = folder.has("endpoints.ts");
  const validates = folder.has("validators.ts");
  const hostPrefixes = model.operations.some((op) => op.endpoint !== undefined) || model.service.sdkId === "S3";
  const transportConfig = file.use(TRANSPORT.TransportConfig);
  const serializeOptions = file.use(RUNTIME.SerializeOptions);
  const callOptions = file.use(TRANSPORT.CallOptions);
  const transport = file.use(TRANSPORT.Transport);
  const wire = file.use(TRANSPORT.WireRequest);
  const local = client.local;
  for (const name of [local.invoke, local.resolve, ...(signs ? [local.sign, local.SignedBy] : []), ...(endpoints ? [] : [local.ResolvedEndpoint])]) file.declare(name);
  const { invoke, resolve, sign, SignedBy: signedBy } = local;

  // The configuration.
  const parents = [transportConfig, serializeOptions, ...(endpoints ? [file.use(ENDPOINTS.EndpointConfig)] : [])];
  file.line(`/** The configuration of \`${client.factory}\`; every field is optional. */`);
  file.later((r) => interfaceHead(`export interface ${client.config}`, parents.map(r), file));
  if (!endpoints) {
    file.line(
      `  /** The endpoint URL every request goes to (\`https://service.example.com\`): this model has no endpoint rules, so it is required. */`,
      `  readonly endpoint?: string;`,
      `  /** The AWS region (\`us-east-1\`): the signing region. */`,
      `  readonly region?: string;`,
    );
  }
  if (signs) {
    const credentials = file.use(SIGV4.Credentials);
    const provider = file.use(SIGV4.CredentialsProvider);
    file.line(
      `  /**`,
      `   * AWS credentials, or a function that provides them (asked again before they expire).`,
      `   * Default: \`AWS_ACCESS_KEY_ID\`, \`AWS_SECRET_ACCESS_KEY\` and \`AWS_SESSION_TOKEN\` from the environment (Node).`,
      `   */`,
    );
    file.later((r) => [plain(`  readonly credentials?: ${r(credentials)} | ${r(provider)};`, file)]);
  }
  if (validates) printValidateField(file, "service");
  if (hostPrefixes) file.line(`  /** Do not put the operations' host prefixes (\`@endpoint\`) before the endpoint's host (default false). */`, `  readonly disableHostPrefix?: boolean;`);
  file.line(`}`, ``);

  // The context: the configuration resolved once.
  file.line(
    `/** The client without its methods: pass it to the operation functions (\`${client.operation(model.operations[0]!.id)}(context, input)\`) so that a bundle holds only the operations it calls. */`,
  );
  const credentialsType = signs ? file.use(SIGV4.Credentials) : "";
  const signerType = signs ? file.use(SIGV4.Signer) : "";
  const createTransport = file.use(TRANSPORT.createTransport);
  file.later((r) => [
    plain(`export interface ${client.context} {`, file),
    plain(`  readonly config: ${client.config};`, file),
    plain(`  readonly transport: ${r(transport)};`, file),
    ...(signs
      ? [
          `  /**`,
          `   * Filled by the first signed call (so that a bundle of unsigned calls holds no SigV4): the credentials to sign with`,
          `   * (undefined when none are configured or found) and the signer, which keeps the keys it derives.`,
          `   */`,
          plain(`  readonly auth: { credentials?: () => Promise<${r(credentialsType)} | undefined>; signer?: ${r(signerType)} };`, file),
        ]
      : []),
    `}`,
    ``,
    `/** Resolves \`config\` once: the transport (retry quota) and the credentials are shared by every call made with the context. */`,
    ...parameters(0, `export function ${client.contextFactory}`, [`config: ${client.config} = {}`], `: ${client.context} {`, file),
    plain(`  return { config, transport: ${r(createTransport)}(config)${signs ? ", auth: {}" : ""} };`, file),
    `}`,
    ``,
  ]);

  // One function per operation.
  const calls: OperationCall[] = [];
  for (const op of model.operations) {
    const call = operationSignature(file, model, names, op, docs);
    calls.push({ op, call });
    const fn = client.operation(op.id);
    const validate = !validates ? [] : [validatorArg(names, op)];
    const serialize = file.use({ name: names.serializer(op.id), file: "serializers.ts", kind: "value" });
    const deserialize = file.use({ name: names.deserializer(op.id), file: "deserializers.ts", kind: "value" });
    const signing = signs ? plan.signing(op) : "none";
    const args = [stringLiteral(op.name), "input", "options", ...validate, serialize, deserialize, ...(signing === "none" ? [] : [sign, stringLiteral(signing)])];
    file.line(`/** Calls ${commentCode(op.name)} with \`context\`: what \`${client.client}.${client.method(op.id)}\` does, for bundles that import only what they call. */`);
    file.later((r) => {
      const output = r(call.outputType);
      return [
        ...parameters(0, `export function ${fn}`, [`context: ${client.context}`, r(call.inputParam), `options?: ${r(callOptions)}`], `: Promise<${output}> {`, file),
        ...ownLine(callLines(2, `return ${invoke}`, ["context", ...args.map(r)], ` as Promise<${output}>;`, file), file),
        `}`,
        ``,
      ];
    });
  }

  // The steps of every call. `invoke` is not generic (`<I, O>` over the input and the output):
  // inferring them from each operation's serializer and deserializer was most of what tsc
  // checked in client.ts (Cognito: 1,190 of its 1,385 type instantiations with alias). Each
  // operation's function passes the serializer and deserializer of its own input and output
  // (printed from the same operation) and gives the result its type by one `as`.
  const httpRequest = file.use(RUNTIME.HttpRequest);
  const httpResponse = file.use(RUNTIME.HttpResponse);
  const requestUrl = file.use(TRANSPORT.requestUrl);
  const endpointType = endpoints ? file.use(ENDPOINTS.ResolvedEndpoint) : local.ResolvedEndpoint;
  file.line(`/** Validate?, serialize once, resolve the endpoint, then attempts of sign → fetch → deserialize. */`);
  // Nine or seven parameters: never on one line.
  file.later((r) => [
    `async function ${invoke}(`,
    plain(`  context: ${client.context},`, file),
    `  operation: string,`,
    `  input: unknown,`,
    plain(`  options: ${r(callOptions)} | undefined,`, file),
    ...(validates ? [VALIDATOR_PARAM] : []),
    plain(`  serialize: (input: never, options: ${r(serializeOptions)}) => ${r(httpRequest)},`, file),
    plain(`  deserialize: (response: ${r(httpResponse)}) => unknown,`, file),
    ...(signs ? [`  authorize?: typeof ${sign},`, `  signing?: ${signedBy},`] : []),
    `): Promise<unknown> {`,
    `  const config = context.config;`,
  ]);
  if (validates) printValidateStep(file);
  file.later((r) => [
    `  const request = serialize(input as never, config);`,
    plain(`  const endpoint = ${resolve}(operation, input, config);`, file),
    ...callLines(2, `const url = ${r(requestUrl)}`, ["request.endpoint ?? endpoint.url", "request.path", "request.query", hostPrefixes ? "config.disableHostPrefix === true ? undefined : request.hostPrefix" : "request.hostPrefix"], ";", file),
    `  const headers: Record<string, string> = {};`,
    `  for (const [name, values] of Object.entries(endpoint.headers)) headers[name] = values.join(",");`,
    `  Object.assign(headers, request.headers);`,
    ...(signs
      ? [
          `  const signer =`,
          `    authorize === undefined || signing === undefined`,
          `      ? undefined`,
          `      : await authorize(context, operation, endpoint, signing);`,
        ]
      : []),
    `  return context.transport.call(async (attempt) => {`,
    plain(`    const sent: ${r(wire)} = {`, file),
    `      method: request.method,`,
    `      url,`,
    `      headers: { ...headers, ...attempt.sdkHeaders },`,
    `      ...(request.body === undefined ? {} : { body: request.body }),`,
    `    };`,
    ...(signs
      ? [`    const response = await context.transport.send(`, `      signer === undefined ? sent : await signer(sent),`, `      attempt.signal,`, `    );`]
      : [`    const response = await context.transport.send(sent, attempt.signal);`]),
    `    return deserialize(response);`,
    `  }, options);`,
    `}`,
    ``,
  ]);

  // The endpoint.
  if (endpoints) {
    const resolveEndpoint = file.use(ENDPOINTS.resolveEndpoint);
    const endpointParams = file.use(ENDPOINTS.endpointParams);
    file.line(`/** The endpoint of a call, from the model's endpoint rules. */`);
    file.later((r) => [
      ...parameters(0, `function ${resolve}`, ["operation: string", "input: unknown", `config: ${client.config}`], `: ${r(endpointType)} {`, file),
      plain(`  return ${r(resolveEndpoint)}(${r(endpointParams)}(operation, input, config));`, file),
      `}`,
      ``,
    ]);
  } else {
    file.lines([
      `/** An endpoint: this model has no endpoint rules, so it is the configured one. */`,
      plain(`interface ${endpointType} {`, file),
      `  readonly url: string;`,
      `  readonly headers: Readonly<Record<string, readonly string[]>>;`,
      `  readonly properties: Readonly<Record<string, unknown>>;`,
      `}`,
      ``,
      `/** The configured endpoint (the model has no endpoint rules). */`,
      ...parameters(0, `function ${resolve}`, ["operation: string", "input: unknown", `config: ${client.config}`], `: ${endpointType} {`, file),
      `  void input;`,
      `  if (config.endpoint === undefined)`,
      `    throw new Error(`,
      `      operation +`,
      `        ": set \`endpoint\` in the client's config (this service's model has no endpoint rules)",`,
      `    );`,
      `  return { url: config.endpoint, headers: {}, properties: {} };`,
      `}`,
      ``,
    ]);
  }

  if (signs) {
    const cached = file.use(TRANSPORT.cachedProvider);
    const environmentCredentials = file.use(SIGV4.environmentCredentials);
    const createSigner = file.use(SIGV4.createSigner);
    file.line(
      `/** How a signed operation signs: SigV4 (its payload hashed, or \`UNSIGNED-PAYLOAD\`), or SigV4 when credentials exist (\`@optionalAuth\`). */`,
      `type ${signedBy} = "sigv4" | "sigv4-unsigned-payload" | "optional";`,
      ``,
      `/**`,
      ` * The signing step of a signed operation (only those name it, so that a bundle of unsigned calls holds no SigV4): the`,
      ` * credentials, asked once per call, then a function that signs each attempt. The signing name and region of the endpoint's`,
      ` * \`authSchemes\` win over the model's and the config's. Undefined: send unsigned (\`@optionalAuth\` without credentials).`,
      ` */`,
    );
    // Four parameters and a long result type: never on one line.
    file.later((r) => [
      `async function ${sign}(`,
      plain(`  context: ${client.context},`, file),
      `  operation: string,`,
      plain(`  endpoint: ${r(endpointType)},`, file),
      `  signing: ${signedBy},`,
      plain(`): Promise<((request: ${r(wire)}) => Promise<${r(wire)}>) | undefined> {`, file),
      `  const config = context.config;`,
      `  const auth = context.auth;`,
      `  const given = config.credentials;`,
      `  auth.credentials ??=`,
      `    given === undefined`,
      plain(`      ? () => Promise.resolve(${r(environmentCredentials)}())`, file),
      `      : typeof given === "function"`,
      plain(`        ? ${r(cached)}(given, config.now)`, file),
      `        : () => Promise.resolve(given);`,
      `  const credentials = await auth.credentials();`,
      `  if (credentials === undefined) {`,
      `    if (signing === "optional") return undefined;`,
      `    throw new Error(`,
      `      operation +`,
      `        " must be signed, but there are no AWS credentials: set \`credentials\` in the client's config, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment",`,
      `    );`,
      `  }`,
      `  const schemes = endpoint.properties["authSchemes"];`,
      `  const scheme = (`,
      `    Array.isArray(schemes) ? schemes.find((s: { name?: unknown }) => s.name === "sigv4") : undefined`,
      `  ) as`,
      `    | { signingName?: string; signingRegion?: string; disableDoubleEncoding?: boolean }`,
      `    | undefined;`,
      `  const region = scheme?.signingRegion ?? config.region;`,
      `  if (region === undefined)`,
      `    throw new Error("Signing needs a region: set \`region\` in the client's config");`,
      plain(`  const service = scheme?.signingName ?? ${stringLiteral(plan.signingName!)};`, file),
      plain(`  const signer = (auth.signer ??= ${r(createSigner)}());`, file),
      `  return async (request) => {`,
      `    const signed = await signer.signRequest(request, {`,
      `      credentials,`,
      `      region,`,
      `      service,`,
      `      uriEscapePath: scheme?.disableDoubleEncoding !== true,`,
      `      applyChecksum:`,
      `        service === "s3" || service === "s3-outposts" || service === "s3-object-lambda",`,
      `      unsignedPayload: signing === "sigv4-unsigned-payload",`,
      `      ...(config.now === undefined ? {} : { date: new Date(config.now()) }),`,
      `    });`,
      `    // fetch sets Host itself (browsers refuse to set it); the signature covers the same value.`,
      `    const headers: Record<string, string> = {};`,
      `    for (const [name, value] of Object.entries(signed.headers))`,
      `      if (name.toLowerCase() !== "host") headers[name] = value;`,
      `    return { ...request, headers };`,
      `  };`,
      `}`,
      ``,
    ]);
  }

  // The client object.
  printClientObject(file, client, calls);
}

/** `export interface XClient { … }` and `createXClient(config)`: one method per operation. */
export function printClientObject(file: GeneratedFile, client: ClientNames, calls: readonly OperationCall[]): void {
  const callOptions = file.use(TRANSPORT.CallOptions);
  file.line(`/** A client of the service: one method per operation, each returning the typed output or throwing the operation's typed errors. */`, `export interface ${client.client} {`);
  for (const { op, call } of calls) {
    file.lines(call.doc.map((l) => "  " + l));
    file.later((r) => parameters(2, methodKey(client.method(op.id)), [r(call.methodInput), `options?: ${r(callOptions)}`], `: Promise<${r(call.outputType)}>;`, file));
  }
  file.line(`}`, ``);
  file.line(`/** Creates a client; every method shares \`config\`, one transport (and its retry quota) and the credentials. */`);
  file.lines(parameters(0, `export function ${client.factory}`, [`config: ${client.config} = {}`], `: ${client.client} {`, file));
  file.line(plain(`  const context = ${client.contextFactory}(config);`, file), `  return {`);
  for (const { op } of calls) file.lines(arrowProperty(4, methodKey(client.method(op.id)), "(input, options)", `${client.operation(op.id)}(context, input, options)`, file));
  file.line(`  };`, `}`);
}

/** Lines whose every one must fit (a `return f(…) as T;` whose last line passes is unsure). */
function ownLine(lines: string[], check: LayoutCheck): string[] {
  for (const l of lines) plain(l, check);
  return lines;
}

/** A method's key in an interface or object literal; `__proto__` would set the prototype. */
function methodKey(name: string): string {
  return name === "__proto__" ? `["__proto__"]` : name;
}
