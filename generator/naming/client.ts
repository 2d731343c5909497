// The names of a model's client (client.ts), claimed after the types and the other functions so
// that none clashes with them (every file is re-exported by index.ts).
//
//   service AWSCognitoIdentityProviderService, sdkId "Cognito Identity Provider", operation InitiateAuth
//   → createCognitoIdentityProviderClient (factory), CognitoIdentityProviderClient (its type),
//     CognitoIdentityProviderClientConfig, createCognitoIdentityProviderContext / CognitoIdentityProviderContext
//     (the client without methods, for tree-shaking), initiateAuth (the method, and the function
//     `initiateAuth(context, input, options)`)
//
// Collisions are resolved as for types (`_2`, `_3`, ...; a reserved word gets `_`) and each rename
// is reported as a diagnostic, in operation id order.

import type { Diagnostics } from "../diagnostics.js";
import type { ResolvedModel } from "../model/ir.js";
import { compare, toIdentifier, type Names } from "./names.js";
import { isReserved } from "./reserved.js";

export interface ClientNames {
  /** `createCognitoIdentityProviderClient`. */
  readonly factory: string;
  /** The client's interface: `CognitoIdentityProviderClient`. */
  readonly client: string;
  /** `CognitoIdentityProviderClientConfig`. */
  readonly config: string;
  /** `createCognitoIdentityProviderContext`. */
  readonly contextFactory: string;
  /** `CognitoIdentityProviderContext`. */
  readonly context: string;
  /** The method of an operation on the client (`initiateAuth`); unique among the methods. */
  method(operationId: string): string;
  /** The exported function of an operation (`initiateAuth`); unique in the folder. */
  operation(operationId: string): string;
  /** Module-private names of client.ts (`invoke`, ...), claimed after every exported one (renames are not reported: no one imports them). */
  readonly local: Readonly<Record<LocalName, string>>;
}

/** The module-private declarations of client.ts. */
export type LocalName = "invoke" | "resolve" | "sign" | "SignedBy" | "ResolvedEndpoint" | "SERVERS" | "authenticate" | "SchemeKey" | "defaultOf";
const LOCAL_NAMES: readonly LocalName[] = ["invoke", "resolve", "sign", "SignedBy", "ResolvedEndpoint", "SERVERS", "authenticate", "SchemeKey", "defaultOf"];

/** Names client.ts exports beside its own: they are taken. */
export const CLIENT_REEXPORTS: readonly string[] = ["CallOptions", "Credentials", "CredentialsProvider", "NetworkError", "RequestValidationError"];

/** Names of functions the other files of the folder export (`validateFoo`, `serializeFooRequest`, ...). */
const FUNCTION_PREFIX = /^(validate|redact|serialize|deserialize)[A-Z_]|^(json|xml|query|cbor|error|build)_/;

export function assignClientNames(model: ResolvedModel, names: Names, diags: Diagnostics): ClientNames {
  const taken = new Set<string>(CLIENT_REEXPORTS);
  for (const id of model.shapes.keys()) if (!names.isInline(id)) taken.add(names.type(id));
  for (const op of model.operations) {
    taken.add(names.serializer(op.id));
    taken.add(names.deserializer(op.id));
    taken.add(names.operationError(op.id));
  }
  const claim = (wanted: string, what: string | undefined): string => {
    // A name with a generated function's prefix (`validatePolicy`, operation ValidatePolicy) keeps
    // it under any suffix: capitalise it first (`ValidatePolicy`), as names.ts does for types;
    // suffixing it alone never ended (Access Analyzer, and every service with such an operation).
    const base = FUNCTION_PREFIX.test(wanted) ? wanted.charAt(0).toUpperCase() + wanted.slice(1) : wanted;
    let name = base;
    const blocked = (n: string): boolean => isReserved(n) || FUNCTION_PREFIX.test(n) || taken.has(n);
    if (blocked(name)) name = base + "_";
    for (let i = 2; blocked(name); i++) name = `${base}_${i}`;
    taken.add(name);
    if (name !== wanted && what !== undefined) {
      diags.add({ code: "NAME_RENAMED", severity: "info", message: `${what} is generated as \`${name}\`: \`${wanted}\` is reserved or already taken` });
    }
    return name;
  };
  const base = serviceBaseName(model);
  const client = claim(`${base}Client`, `The client type of service \`${model.service.id}\``);
  const config = claim(`${base}ClientConfig`, `The client config type of service \`${model.service.id}\``);
  const context = claim(`${base}Context`, `The client context type of service \`${model.service.id}\``);
  const factory = claim(`create${base}Client`, `The client factory of service \`${model.service.id}\``);
  const contextFactory = claim(`create${base}Context`, `The client context factory of service \`${model.service.id}\``);
  const operations = new Map<string, string>();
  const methods = new Map<string, string>();
  const methodTaken = new Set<string>();
  for (const op of [...model.operations].sort((a, b) => compare(a.id, b.id))) {
    const wanted = lowerFirst(toIdentifier(op.name));
    operations.set(op.id, claim(wanted, `The client function of operation \`${op.id}\``));
    let method = wanted;
    for (let i = 2; methodTaken.has(method); i++) method = `${wanted}_${i}`;
    methodTaken.add(method);
    if (method !== wanted) diags.add({ code: "NAME_RENAMED", severity: "info", message: `The client method of operation \`${op.id}\` is generated as \`${method}\`: \`${wanted}\` is already taken` });
    methods.set(op.id, method);
  }
  const local = Object.fromEntries(LOCAL_NAMES.map((n) => [n, claim(n, undefined)])) as Record<LocalName, string>;
  const lookup = (map: Map<string, string>, id: string): string => {
    const name = map.get(id);
    if (name === undefined) throw new Error(`internal: no client name for ${id}`);
    return name;
  };
  return { factory, client, config, contextFactory, context, local, method: (id) => lookup(methods, id), operation: (id) => lookup(operations, id) };
}

/**
 * The service's name in the client's names: its `sdkId` in PascalCase (`Cognito Identity
 * Provider` → `CognitoIdentityProvider`), else its shape name without a leading `AWS` or `Amazon`
 * and a trailing `Service` (`AWSCognitoIdentityProviderService` → `CognitoIdentityProvider`, as
 * the AWS SDKs name it), else as it is (`ThingService`).
 */
export function serviceBaseName(model: ResolvedModel): string {
  const aws = /^(AWS|Amazon)(?=[A-Z])/.exec(model.service.name);
  const short = aws === null ? model.service.name : model.service.name.slice(aws[0].length).replace(/(?<=.)Service$/, "");
  const source = model.service.sdkId ?? short;
  const words = source.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return toIdentifier(joined === "" ? "Service" : joined);
}

function lowerFirst(s: string): string {
  // `GetURL` → `getURL`: the first letter only, as the AWS SDK v3's method names.
  return s.charAt(0).toLowerCase() + s.slice(1);
}
