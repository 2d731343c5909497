// Our generated OpenAPI client against Prism (issue 11 part 6): a document is generated into a temp
// folder and its client.ts imported; Prism mocks the same document on a loopback port with its
// security check and its response validation on. Every operation is called through the client
// (`baseUrl` the Prism server, credentials for every security scheme of the document) with random
// valid inputs (run.ts `sendableRequests`), then once more per status code its responses
// declare (`Prefer: code=<status>`, so the error classes are read too). The client's `fetch` is a
// recorder: it sends the request as the client built it, keeps Prism's raw answer, and hands the
// client that same answer. For each call:
// - request: Prism's violations (none allowed but what known.ts lists, as for the serializers);
// - response: the client must return the typed output for a 2xx, and throw the operation's error
//   class for an error status (its `name` the schema's, `$status` the status), or
//   `UnknownServiceError` where the document gives no error structure; never
//   `MalformedResponseError`, never anything else. The value must equal Prism's answer read by the
//   resolved model (`sameValue`: names as `jsonName`, `date-time` → Date, `byte` → bytes, `null`
//   → absent unless nullable, writeOnly never read), and Prism's own response validation must
//   find the answer fits the document: together, the output holds what the schema says.
//   Answers Prism itself says break the schema (its generator's mistakes) are counted apart.
//
//   await runClients([repoSource("models/cognito-identity-provider.openapi.yaml")], { runs: 2, seed: 1 })
//   → [{ label: "cognito-identity-provider.openapi", operations: 1, calls: 4, violations: [],
//       outcomes: Map { "output" → 2, "error" → 1, ... }, mismatches: [], ... }]

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { parse as parseYaml } from "yaml";
import { Diagnostics } from "../../generator/diagnostics.js";
import { shapeOf, type Member, type Operation, type OperationResponse, type Ref, type ResolvedModel } from "../../generator/model/ir.js";
import { assignClientNames } from "../../generator/naming/client.js";
import { bodyRequired, documentPaths, generateDocument, prismVerdict, sendableRequests, site, type Finding, type Generated, type SentRequest, type Source, type Violation } from "./run.js";
import { knownAnswer } from "./known-answers.js";
import { knownReason, type Known } from "./known.js";
import { startPrism, type PrismServers } from "./server.js";

/** How a call ended, as the test counts it. */
export type Outcome =
  /** A 2xx answer returned as the typed output. */
  | "output"
  /** An error status thrown as the operation's modelled error class. */
  | "error"
  /** An error status the document gives no error structure for, thrown as `UnknownServiceError`. */
  | "unknown-error"
  /** Anything else: a `MalformedResponseError`, a wrong class, an exception that is no response error. */
  | "wrong"
  /** Prism did not answer (it threw while handling the request, or fetch refused to send it): the request's violation says why. */
  | "no-answer";

export interface ClientCall {
  readonly operation: string;
  /** The status asked of Prism (`Prefer: code=`), or undefined for its default answer. */
  readonly asked?: number;
  readonly status: number;
  readonly outcome: Outcome;
  /** Prism found a violation in the request that known.ts lists (it then answers its refusal, not the status asked). */
  readonly listedRequest: boolean;
  /** Prism's problem type when the answer is Prism's own problem (`UNPROCESSABLE_ENTITY`). */
  readonly prismProblem?: string;
  /** Prism's response validation rejected its own answer. */
  readonly outsideSchema: boolean;
}

export interface ClientResult {
  readonly label: string;
  readonly operations: number;
  readonly calls: readonly ClientCall[];
  /** Unlisted request violations: each fails the run. */
  readonly violations: readonly Finding[];
  /** Listed request violations by known.ts entry name. */
  readonly listed: ReadonlyMap<string, number>;
  /** Answers our client read wrongly, or not as the oracle reads them: each fails the run. */
  readonly mismatches: readonly string[];
  /** Problems known-answers.ts lists (Prism's generator writing what the schema forbids), by entry name. */
  readonly listedAnswers: ReadonlyMap<string, number>;
  /** Answers Prism's own response validation rejects (Prism's generator broke the schema): not judged beyond "a response error or an output", by Prism's first message. */
  readonly answersOutsideSchema: ReadonlyMap<string, number>;
  /** Answers that are Prism's problem+json (a request it refused, a body it could not mock): not judged beyond "no crash". */
  readonly problemAnswers: number;
  /** Those answers by status and Prism's problem type (`422 UNPROCESSABLE_ENTITY`). */
  readonly problemKinds: ReadonlyMap<string, number>;
  readonly skipped: readonly { readonly operation: string; readonly reason: string }[];
  /** Wall time of the document's calls (printed, never asserted). */
  readonly ms: number;
}

export interface ClientRunOptions {
  /** Random valid inputs per operation (each sent for Prism's default answer). */
  readonly runs: number;
  readonly seed: number;
  /** Rewrites Prism's answer before the client reads it (the self-test breaks answers on purpose); the oracle reads the real one. */
  readonly tamperAnswer?: (answer: RawAnswer) => RawAnswer;
  /** Rewrites the request the client built before it is sent (the self-test). */
  readonly tamperRequest?: (request: SentRequest) => SentRequest;
  /** Rewrites a file of the generated folder before the client is imported (the self-test breaks a deserializer helper). */
  readonly mutate?: (file: string, text: string) => string;
}

/** Prism's answer as it came. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array;
}

type Client = Record<string, (input: unknown, options?: unknown) => Promise<unknown>>;

/** Calls every operation of every document through its generated client against Prism (one process for all). */
export async function runClients(sources: readonly Source[], options: ClientRunOptions, known: readonly Known[]): Promise<ClientResult[]> {
  const documents = sources.map((source) => (source.path.endsWith(".json") ? JSON.parse(source.text) : parseYaml(source.text)) as Record<string, unknown>);
  const starting = startPrism(documents, { checkSecurity: true, validateResponse: true, amzJson: true });
  starting.catch(() => undefined);
  let prism: PrismServers | undefined;
  try {
    const generated: Generated[] = [];
    for (const source of sources) generated.push(await generateDocument(source));
    prism = await starting;
    const results: ClientResult[] = [];
    for (const [i, source] of sources.entries()) results.push(await runOne(source, documents[i]!, generated[i]!, prism, prism.servers[i]!.url, options, known));
    return results;
  } finally {
    await (prism ?? (await starting.catch(() => undefined)))?.stop();
    if (prism && prism.blocked().length > 0) throw new Error(`Prism tried to reach outside the machine: ${prism.blocked().join("; ")}`);
  }
}

/** Credentials for every scheme the client can send: Prism checks that they are there and well formed. */
function credentials(model: ResolvedModel): Record<string, unknown> {
  const auth: Record<string, unknown> = {};
  for (const s of model.service.securitySchemes ?? []) {
    switch (s.scheme.type) {
      case "httpBearerAuth":
        auth[s.key] = "prism-token";
        break;
      case "httpBasicAuth":
        auth[s.key] = { username: "prism-user", password: "prism-pass" };
        break;
      case "httpApiKeyAuth":
        auth[s.key] = "prism-key";
        break;
      default:
        break;
    }
  }
  return auth;
}

const ANSWER_MS = 60_000;

async function runOne(source: Source, document: Record<string, unknown>, g: Generated, prism: PrismServers, base: string, options: ClientRunOptions, known: readonly Known[]): Promise<ClientResult> {
  const { model, names } = g;
  const clientNames = assignClientNames(model, names, new Diagnostics());
  if (options.mutate) {
    for (const file of readdirSync(g.dir)) {
      const text = readFileSync(join(g.dir, file), "utf8");
      const changed = options.mutate(file, text);
      if (changed !== text) writeFileSync(join(g.dir, file), changed);
    }
  }
  const clientModule = (await import(pathToFileURL(join(g.dir, "client.ts")).href)) as Record<string, unknown>;
  const errorsModule = (await import(pathToFileURL(join(g.dir, "errors.ts")).href).catch(() => ({}))) as Record<string, unknown>;
  const runtime = (await import(pathToFileURL(join(g.dir, "runtime.ts")).href)) as Record<string, new (...args: never[]) => Error>;
  const paths = documentPaths(document);
  const started = Date.now();
  const result = {
    ms: 0,
    label: source.label,
    operations: 0,
    calls: [] as ClientCall[],
    violations: [] as Finding[],
    listed: new Map<string, number>(),
    mismatches: [] as string[],
    listedAnswers: new Map<string, number>(),
    answersOutsideSchema: new Map<string, number>(),
    problemAnswers: 0,
    problemKinds: new Map<string, number>(),
    skipped: [] as { operation: string; reason: string }[],
  };

  // One exchange at a time: the recorder keeps the last one.
  let prefer = "";
  let exchange: { request: SentRequest; answer?: RawAnswer; failure?: Violation } | undefined;
  const recorder = async (url: string, init: { method?: string; headers?: unknown; body?: unknown; signal?: unknown } = {}): Promise<Response> => {
    let request: SentRequest = {
      method: init.method ?? "GET",
      url: url.startsWith(base) ? url.slice(base.length) : url,
      headers: { ...(init.headers as Record<string, string>) },
      ...(init.body === undefined ? {} : { body: typeof init.body === "string" ? init.body : Buffer.from(init.body as Uint8Array).toString("latin1") }),
    };
    let body = init.body as string | Uint8Array | undefined;
    if (options.tamperRequest) {
      request = options.tamperRequest(request);
      body = request.body;
    }
    exchange = { request };
    try {
      // Prism's answer is the verdict: a mocked redirect (a 3xx with the example's Location) is not followed.
      const response = await fetch(base + request.url, {
        method: request.method,
        headers: { ...request.headers, Prefer: prefer },
        redirect: "manual",
        ...(body === undefined ? {} : { body }),
        ...(init.signal === undefined ? {} : { signal: init.signal as AbortSignal }),
      });
      const answer: RawAnswer = { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
      exchange.answer = answer;
      const given = options.tamperAnswer ? options.tamperAnswer(answer) : answer;
      const empty = given.body.length === 0 || [204, 205, 304].includes(given.status);
      return new Response(empty ? null : given.body, { status: given.status, headers: given.headers });
    } catch (error) {
      const e = error as Error;
      exchange.failure ??= { location: ["fetch"], code: "no-answer", message: String(e.cause ?? e.message) };
      throw error;
    }
  };
  const auth = credentials(model);
  const factory = clientModule[clientNames.factory] as (config: unknown) => Client;
  const client = factory({ baseUrl: base, fetch: recorder, maxAttempts: 1, ...(Object.keys(auth).length > 0 ? { auth } : {}) });

  for (const op of model.operations) {
    result.operations++;
    const method = client[clientNames.method(op.id)];
    const serialize = g.serializers[names.serializer(op.id)];
    if (!method || !serialize || !op.http) {
      result.skipped.push({ operation: op.name, reason: "no client method" });
      continue;
    }
    const found = site(op.http.method, op.http.uri, paths);
    if (found === undefined) throw new Error(`${source.label} ${op.name}: ${op.http.method} ${op.http.uri} matches no path of the document`);
    const inputs = sendableRequests(model, op, serialize, g.validators, names, options, bodyRequired(document, found.operation), new Map()).map((s) => s.input);
    if (inputs.length === 0) {
      result.skipped.push({ operation: op.name, reason: "no valid, sendable input in 40 draws" });
      continue;
    }
    const asks: { input: unknown; asked?: number }[] = inputs.map((input) => ({ input }));
    for (const status of askable(op)) asks.push({ input: inputs[0], asked: status });
    for (const [i, ask] of asks.entries()) {
      prefer = `dynamic=true, seed=${options.seed}-${op.name}-${i}${ask.asked === undefined ? "" : `, code=${ask.asked}`}`;
      exchange = undefined;
      const abort = new AbortController();
      const unsubscribe = prism.onCrash((message) => {
        if (exchange && !exchange.answer) exchange.failure = { location: ["prism"], code: "crash", message: message.slice(0, 400) };
        abort.abort(new Error("Prism crashed"));
      });
      let value: unknown;
      let thrown: unknown;
      let threw = false;
      try {
        value = await method(ask.input, { signal: abort.signal, timeoutMs: ANSWER_MS });
      } catch (error) {
        threw = true;
        thrown = error;
      } finally {
        unsubscribe();
      }
      const where = `${source.label} ${op.name}${ask.asked === undefined ? "" : ` (code=${ask.asked})`}`;
      if (exchange === undefined) {
        result.mismatches.push(`${where}: the client sent nothing: ${String(thrown)}`);
        continue;
      }
      const sent: { request: SentRequest; answer?: RawAnswer; failure?: Violation } = exchange;
      const answer = sent.answer;
      const text = answer ? Buffer.from(answer.body).toString("utf8") : "";
      const verdict = answer ? prismVerdict(answer.headers, text) : { request: sent.failure ? [sent.failure] : [], response: [] };
      let listedRequest = false;
      for (const violation of verdict.request) {
        const finding: Finding = { document: source.label, operation: op.name, request: sent.request, violation };
        const name = knownReason(known, finding);
        if (name === undefined) result.violations.push(finding);
        else {
          listedRequest = true;
          result.listed.set(name, (result.listed.get(name) ?? 0) + 1);
        }
      }
      if (!answer) {
        result.calls.push({ operation: op.name, ...(ask.asked === undefined ? {} : { asked: ask.asked }), status: 0, outcome: "no-answer", listedRequest, outsideSchema: false });
        continue;
      }
      const outcome = judge(model, names, op, answer, text, threw, value, thrown, errorsModule, runtime);
      // Prism's own problem answers (the document's may be problem+json too): their type is Prism's.
      const prismType = (answer.headers.get("content-type") ?? "").startsWith("application/problem+json") ? prismProblem(text) : undefined;
      result.calls.push({
        operation: op.name,
        ...(ask.asked === undefined ? {} : { asked: ask.asked }),
        status: answer.status,
        outcome: outcome.outcome,
        listedRequest,
        ...(prismType === undefined ? {} : { prismProblem: prismType }),
        outsideSchema: verdict.response.length > 0,
      });
      const problem = prismType !== undefined;
      if (prismType !== undefined) {
        result.problemAnswers++;
        const kind = `${answer.status} ${prismType}`;
        result.problemKinds.set(kind, (result.problemKinds.get(kind) ?? 0) + 1);
      }
      if (verdict.response.length > 0) {
        const v = verdict.response[0]!;
        const key = `${v.location.join(".")} ${v.code}`;
        result.answersOutsideSchema.set(key, (result.answersOutsideSchema.get(key) ?? 0) + 1);
      }
      // Prism's own answers (a refusal, a body it could not mock, one its generator got wrong) are
      // judged only as far as: the client reads them into an output or a response error.
      const lenient = problem || verdict.response.length > 0;
      if (outcome.problems.length === 0 || (lenient && outcome.readable)) continue;
      const listed = outcome.problems.map(knownAnswer);
      if (listed.every((name) => name !== undefined)) for (const name of listed) result.listedAnswers.set(name!, (result.listedAnswers.get(name!) ?? 0) + 1);
      else result.mismatches.push(`${where}: HTTP ${answer.status}: ${outcome.problems.join("; ")}`);
    }
  }
  result.ms = Date.now() - started;
  return result;
}

/** The type of a problem answer Prism made itself (`UNPROCESSABLE_ENTITY`), or undefined for the document's own. */
function prismProblem(text: string): string | undefined {
  try {
    const type = (JSON.parse(text) as { type?: unknown }).type;
    return typeof type === "string" && type.startsWith("https://stoplight.io/prism/errors#") ? type.slice(type.indexOf("#") + 1) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The statuses to ask Prism for besides its default answer: every code an operation's responses
 * declare (a range or `default` has no code of its own to ask for; its class is read whenever
 * an answer falls in it).
 */
function askable(op: Operation): number[] {
  return (op.responses ?? []).map((r) => r.status).filter((s) => /^[0-9]{3}$/.test(s)).map(Number);
}

/** The response of `status` among `responses`: its code, else its range, else `default`. */
function responseOf(responses: readonly OperationResponse[], status: number): OperationResponse | undefined {
  return responses.find((r) => r.status === String(status)) ?? responses.find((r) => r.status === `${String(status)[0]}XX`) ?? responses.find((r) => r.status === "default");
}

interface Judgement {
  readonly outcome: Outcome;
  /** What differs from the oracle's reading of the answer. */
  readonly problems: readonly string[];
  /** The client gave an output or a response error (not a crash of some other kind). */
  readonly readable: boolean;
}

function judge(
  model: ResolvedModel,
  names: Generated["names"],
  op: Operation,
  answer: RawAnswer,
  text: string,
  threw: boolean,
  value: unknown,
  thrown: unknown,
  errorsModule: Record<string, unknown>,
  runtime: Record<string, new (...args: never[]) => Error>,
): Judgement {
  const problems: string[] = [];
  const status = answer.status;
  const responses = op.responses ?? [];
  const isResponseError = thrown instanceof runtime["ResponseError"]!;
  const readable = !threw || isResponseError;
  const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ""}` : String(e));
  if (status >= 200 && status < 300) {
    if (threw) return { outcome: "wrong", problems: [`a 2xx answer threw ${describe(thrown)}`], readable };
    if (op.output === undefined) {
      if (!isDeepStrictEqual(value, {})) problems.push(`no output declared, got ${JSON.stringify(value)}`);
      return { outcome: problems.length > 0 ? "wrong" : "output", problems, readable };
    }
    const response = responseOf(responses, status);
    const output = shapeOf(model, op.output);
    let target = op.output;
    if (output.type === "alternatives") {
      const variant = output.variants.find((v) => v.target === response?.shape);
      if (variant === undefined) return { outcome: "wrong", problems: [`status ${status} has no variant of the output`], readable };
      target = variant.target;
    }
    sameStructure(model, target, value, answer, text, response, "$", problems);
    return { outcome: problems.length > 0 ? "wrong" : "output", problems, readable };
  }
  if (!threw) return { outcome: "wrong", problems: [`HTTP ${status} returned ${JSON.stringify(value)?.slice(0, 200)} instead of throwing`], readable };
  if (!isResponseError) return { outcome: "wrong", problems: [`threw ${describe(thrown)}, not a response error`], readable };
  const e = thrown as Error & { $status: number; $code?: string };
  if (e.$status !== status) problems.push(`$status ${e.$status}, not ${status}`);
  // The error responses: those of other codes than the successes (and 1xx/3xx, which give no class).
  const response = responseOf(
    responses.filter((r) => !r.status.startsWith("2") && !/^[13]/.test(r.status)),
    status,
  );
  let errorShape = response?.shape === undefined ? undefined : shapeOf(model, response.shape);
  if (errorShape?.type === "alternatives" && errorShape.discriminator !== undefined) {
    let tag: unknown;
    try {
      tag = (JSON.parse(text) as Record<string, unknown>)[errorShape.discriminator.propertyName];
    } catch {
      tag = undefined;
    }
    const mapped = errorShape.discriminator.mapping.find((m) => m.value === tag);
    errorShape = mapped === undefined ? undefined : shapeOf(model, mapped.target);
  }
  // A 1xx/3xx/undeclared status, or one whose body is no structure: UnknownServiceError.
  if (errorShape === undefined || errorShape.type !== "structure" || /^[13]/.test(String(status))) {
    if (e.name !== "UnknownServiceError") problems.push(`expected UnknownServiceError, got ${describe(e)}`);
    return { outcome: problems.length > 0 ? "wrong" : "unknown-error", problems, readable };
  }
  // The class and its `name` are the schema's type name (renamed as the types are: `Error_`); `$code` is the schema's name or the discriminator's value.
  const className = names.type(errorShape.id);
  const cls = errorsModule[className];
  if (e.name !== className || cls === undefined || !(e instanceof (cls as new () => Error))) {
    problems.push(`expected the error class ${className}, got ${describe(e)}`);
    return { outcome: "wrong", problems, readable };
  }
  if (response?.shape === errorShape.id && e.$code !== errorShape.name) problems.push(`$code ${String(e.$code)}, not ${errorShape.name}`);
  // The error's members, read from the JSON body (an error body that is not JSON gives none).
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    for (const m of errorShape.members) {
      // A `message` member is the Error's message, which the class sets to its name when the answer has none.
      const key = m.jsonName ?? m.name;
      if (m.name === "message" && (body as Record<string, unknown>)[key] == null) continue;
      sameMember(model, m, (e as unknown as Record<string, unknown>)[m.name], body as Record<string, unknown>, `$.${m.name}`, problems);
    }
  }
  return { outcome: problems.length > 0 ? "wrong" : "error", problems, readable };
}

/** The output structure (or variant) against the answer: headers, status, payload or body members. */
function sameStructure(model: ResolvedModel, target: string, value: unknown, answer: RawAnswer, text: string, response: OperationResponse | undefined, path: string, problems: string[]): void {
  const shape = shapeOf(model, target);
  if (shape.type !== "structure") {
    problems.push(`${path}: the output is a ${shape.type}`);
    return;
  }
  if (typeof value !== "object" || value === null) {
    problems.push(`${path}: expected an object, got ${JSON.stringify(value)}`);
    return;
  }
  const out = value as Record<string, unknown>;
  const encoding = response?.contents.find((c) => c.mediaType === response.readAs)?.encoding ?? "json";
  let json: unknown;
  let parsed = false;
  const body = () => {
    if (!parsed) {
      parsed = true;
      try {
        json = JSON.parse(text);
      } catch {
        problems.push(`${path}: the answer is not JSON: ${text.slice(0, 80)}`);
      }
    }
    return json;
  };
  const bodyMembers: Member[] = [];
  for (const m of shape.members) {
    const b = m.http ?? { location: "body" as const };
    switch (b.location) {
      case "header": {
        const raw = answer.headers.get(b.name);
        sameHeader(model, m, out[m.name], raw, `${path}.${m.name}`, problems);
        break;
      }
      case "responseCode":
        if (out[m.name] !== answer.status) problems.push(`${path}.${m.name}: ${String(out[m.name])}, not the status ${answer.status}`);
        break;
      case "payload": {
        const v = out[m.name];
        if (encoding === "text") {
          if (v !== text) problems.push(`${path}.${m.name}: the text differs`);
        } else if (encoding === "binary") {
          if (!(v instanceof Uint8Array) || !isDeepStrictEqual(Buffer.from(v), Buffer.from(answer.body))) problems.push(`${path}.${m.name}: the bytes differ`);
        } else sameRef(model, m, v, body(), `${path}.${m.name}`, problems);
        break;
      }
      default:
        bodyMembers.push(m);
        break;
    }
  }
  if (bodyMembers.length > 0 || shape.additionalProperties !== undefined) {
    const object = body();
    if (typeof object !== "object" || object === null || Array.isArray(object)) problems.push(`${path}: the answer's body is not an object`);
    else sameMembers(model, { ...shape, members: bodyMembers }, out, object as Record<string, unknown>, path, problems, new Set(shape.members.map((m) => m.name)));
  }
  const known = new Set(shape.members.map((m) => m.name));
  if (shape.additionalProperties === undefined) for (const k of Object.keys(out)) if (!known.has(k)) problems.push(`${path}.${k}: not a member of ${shape.name}`);
}

function sameHeader(model: ResolvedModel, m: Member, value: unknown, raw: string | null, path: string, problems: string[]): void {
  if (raw === null) {
    if (value !== undefined) problems.push(`${path}: no such header, got ${JSON.stringify(value)}`);
    return;
  }
  const shape = shapeOf(model, m.target);
  const expected = shape.type === "number" ? Number(raw) : shape.type === "boolean" ? raw === "true" : shape.type === "string" || shape.type === "enum" ? raw : undefined;
  if (expected === undefined) {
    if (value === undefined) problems.push(`${path}: header ${raw} not read`);
  } else if (!Object.is(value, expected)) problems.push(`${path}: ${JSON.stringify(value)}, not the header's ${raw}`);
}

/** A structure's members against a JSON object: each by its JSON name; writeOnly ones never read; additional properties as declared. */
function sameMembers(
  model: ResolvedModel,
  shape: { readonly members: readonly Member[]; readonly additionalProperties?: Ref | true; readonly name: string },
  out: Record<string, unknown>,
  raw: Record<string, unknown>,
  path: string,
  problems: string[],
  /** Every member name of the output (headers and status beside the body's). */
  all = new Set(shape.members.map((m) => m.name)),
): void {
  const declared = new Set<string>();
  for (const m of shape.members) {
    const key = m.jsonName ?? m.name;
    declared.add(key);
    if (m.writeOnly) {
      if (out[m.name] !== undefined) problems.push(`${path}.${m.name}: a writeOnly property was read`);
      continue;
    }
    sameMember(model, m, out[m.name], raw, `${path}.${m.name}`, problems);
  }
  if (shape.additionalProperties !== undefined) {
    for (const [k, v] of Object.entries(raw)) {
      if (declared.has(k)) continue;
      if (shape.additionalProperties === true) {
        if (!isDeepStrictEqual(out[k], v)) problems.push(`${path}.${k}: the additional property differs`);
      } else sameRef(model, shape.additionalProperties, out[k], v, `${path}.${k}`, problems);
    }
    for (const k of Object.keys(out)) if (!all.has(k) && !(k in raw)) problems.push(`${path}.${k}: not in the answer`);
  } else for (const k of Object.keys(out)) if (!all.has(k)) problems.push(`${path}.${k}: not a member of ${shape.name}`);
}

function sameMember(model: ResolvedModel, m: Member, value: unknown, raw: Record<string, unknown>, path: string, problems: string[]): void {
  const key = m.jsonName ?? m.name;
  if (!(key in raw) || raw[key] === undefined) {
    // Absent: the schema's `default` when it has one, a required member's zero value (Smithy's client error correction), else absent.
    const ok = m.default !== undefined ? value !== undefined && (typeof m.default === "object" || value instanceof Date || value instanceof Uint8Array || isDeepStrictEqual(value, m.default)) : m.required ? value !== undefined : value === undefined;
    if (!ok) problems.push(`${path}: absent from the answer, read as ${JSON.stringify(value)}`);
    return;
  }
  sameRef(model, m, value, raw[key], path, problems);
}

/** One value of the output against the answer's JSON value at the same place, as the model reads it. */
function sameRef(model: ResolvedModel, ref: Ref, value: unknown, raw: unknown, path: string, problems: string[]): void {
  if (raw === null) {
    if (ref.nullable ? value !== null : value !== undefined) problems.push(`${path}: null ${ref.nullable ? "(nullable)" : "(not nullable: absent)"} read as ${JSON.stringify(value)}`);
    return;
  }
  const fail = (what: string): void => {
    problems.push(`${path}: ${what}: answer ${JSON.stringify(raw)?.slice(0, 120)}, read ${value instanceof Date ? value.toISOString() : JSON.stringify(value)?.slice(0, 120)}`);
  };
  const shape = shapeOf(model, ref.target);
  switch (shape.type) {
    case "string":
    case "enum":
    case "boolean":
    case "number":
    case "intEnum":
      if (!Object.is(value, raw)) fail(`the ${shape.type} differs`);
      return;
    case "timestamp":
      if (!(value instanceof Date) || typeof raw !== "string" || value.getTime() !== Date.parse(raw)) fail("the date-time differs");
      return;
    case "blob":
      if (!(value instanceof Uint8Array) || typeof raw !== "string" || !isDeepStrictEqual(Buffer.from(value), Buffer.from(raw, "base64"))) fail("the bytes differ");
      return;
    case "document":
      if (!isDeepStrictEqual(value, raw)) fail("the document differs");
      return;
    case "list":
      if (!Array.isArray(value) || !Array.isArray(raw) || value.length !== raw.length) return fail("the list differs");
      raw.forEach((item, i) => sameRef(model, shape.member, value[i], item, `${path}[${i}]`, problems));
      return;
    case "map": {
      if (typeof value !== "object" || value === null || typeof raw !== "object" || Array.isArray(raw)) return fail("the map differs");
      const out = value as Record<string, unknown>;
      const keys = Object.keys(raw as object).filter((k) => (raw as Record<string, unknown>)[k] !== null || shape.value.nullable);
      if (!isDeepStrictEqual(Object.keys(out).sort(), keys.sort())) return fail("the map's keys differ");
      for (const k of keys) sameRef(model, shape.value, out[k], (raw as Record<string, unknown>)[k], `${path}.${k}`, problems);
      return;
    }
    case "structure":
      if (typeof value !== "object" || value === null || typeof raw !== "object" || Array.isArray(raw)) return fail("the object differs");
      sameMembers(model, shape, value as Record<string, unknown>, raw as Record<string, unknown>, path, problems);
      return;
    case "alternatives": {
      // A oneOf/anyOf is read as the variant the value is (codecs/json/alternatives.ts): the output must be the answer as one of its variants reads it.
      const tries = shape.variants.map((v) => {
        const found: string[] = [];
        sameRef(model, v, value, raw, path, found);
        return found;
      });
      if (!tries.some((found) => found.length === 0)) fail(`no variant of the oneOf/anyOf reads the answer so (${tries.map((found) => found[0]).join("; ").slice(0, 300)})`);
      return;
    }
    case "union":
    case "unit":
      fail(`a ${shape.type} in an OpenAPI answer`);
      return;
    default: {
      const never: never = shape;
      throw new Error(`unknown shape ${String(never)}`);
    }
  }
}
