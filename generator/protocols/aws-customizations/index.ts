// AWS service customizations: request rules that some AWS services need and that no Smithy trait
// states, keyed by the service's `@aws.api#service(sdkId)`, as the AWS SDKs apply them. They
// apply on top of whatever protocol the service uses.
//
//   sdkId "API Gateway"      → every request sends `Accept: application/json`
//   sdkId "Glacier"          → `X-Amz-Glacier-Version: <service version>`; an empty or unset
//                              `accountId` label becomes "-" (the caller's account); a body gets
//                              `X-Amz-Content-Sha256` and `X-Amz-Sha256-Tree-Hash`
//   sdkId "Machine Learning" → `Predict` is sent to the endpoint named by its `PredictEndpoint`
//   sdkId "S3"               → virtual-hosted addressing: an operation whose path starts with the
//                              `{Bucket}` label sends the bucket in the host (`hostPrefix:
//                              "mybucket."`, path `/key`) unless `options.forcePathStyle` is set or
//                              the bucket cannot be a host label (dots, upper case, `_`, under 3 or
//                              over 63 characters, an ARN: the SDKs' isVirtualHostableS3Bucket
//                              without subdomains, as they decide for HTTPS); dualstack,
//                              accelerate and access points need endpoint resolution (issue 11)
//   sdkId "Route 53"         → the ids `Id`, `HostedZoneId`, `DelegationSetId` (and an alias
//                              target's `HostedZoneId` in ChangeResourceRecordSets) lose a leading
//                              `/hostedzone/`, `/change/` or `/delegationset/`, as the API returns them
//
//   customize(ctx, Glacier UploadArchive, input) → { before: ['if (!input.accountId) input = { ...input, accountId: "-" };'],
//     after: (body) => ['headers["X-Amz-Glacier-Version"] = "2012-06-01";', ...], properties: [] }

import { shapeOf, type Member, type Operation, type Shape, type StructureShape } from "../../model/ir.js";
import { propertyAccess } from "../../naming/names.js";
import type { SerializerContext } from "../protocol.js";
import { SHA256 } from "../symbols.js";

export interface Customization {
  /** Statements before the protocol plans the request; they may rebind `input`. */
  readonly before: readonly string[];
  /** Statements after the plan (`headers` in scope), given the final body's expression if any. */
  after(body: string | undefined): string[];
  /** Extra properties of the returned request: `[key, expression]`. */
  readonly properties: readonly (readonly [string, string])[];
  /**
   * Moves the start of the path into the host (S3's virtual-hosted buckets), given the plan's
   * path expression: statements, the path to send, and the host prefix as an expression that is
   * undefined when the path stays as planned.
   */
  readonly address?: (path: string) => { readonly lines: readonly string[]; readonly path: string; readonly hostPrefix: string };
}

const NONE: Customization = { before: [], after: () => [], properties: [] };

export function customize(ctx: SerializerContext, op: Operation, input: StructureShape | undefined): Customization {
  const member = (name: string) => input?.members.find((m) => m.name === name);
  switch (ctx.model.service.sdkId) {
    case "API Gateway":
      return { ...NONE, after: () => [`headers["Accept"] = "application/json";`] };
    case "Glacier": {
      const account = member("accountId");
      const before = account ? [`if (!${propertyAccess("input", account.name)}) input = { ...input, accountId: "-" };`] : [];
      const version = ctx.model.service.version;
      return {
        before,
        properties: [],
        after: (body) => [
          ...(version !== undefined ? [`headers["X-Amz-Glacier-Version"] = ${JSON.stringify(version)};`] : []),
          ...(body === undefined
            ? []
            : [
                `if (${body} !== undefined) {`,
                `  headers["X-Amz-Content-Sha256"] = ${ctx.file.use(SHA256.sha256Hex)}(${body});`,
                `  headers["X-Amz-Sha256-Tree-Hash"] = ${ctx.file.use(SHA256.sha256TreeHex)}(${body});`,
                `}`,
              ]),
        ],
      };
    }
    case "Route 53":
      return { ...NONE, before: route53Ids(ctx, op, input) };
    case "S3": {
      const bucket = member("Bucket");
      const labelled = bucket?.http?.location === "label" && /^\/\{Bucket\}(?=$|[/?])/.test(op.http?.uri ?? "");
      return bucket && labelled && shapeOf(ctx.model, bucket.target).type === "string" ? { ...NONE, address: (path) => s3VirtualHost(bucket, path) } : NONE;
    }
    case "Machine Learning": {
      const endpoint = op.name === "Predict" ? member("PredictEndpoint") : undefined;
      return endpoint ? { ...NONE, properties: [["endpoint", propertyAccess("input", endpoint.name)]] } : NONE;
    }
    default:
      return NONE;
  }
}

/**
 * The bucket in the host when it can be a DNS label (3–63 lower-case letters, digits and hyphens,
 * neither first nor last a hyphen: no dots, so the certificate of `*.s3.<region>.amazonaws.com`
 * matches), else left in the path; `/mybucket/key` → host prefix `mybucket.`, path `/key`.
 */
function s3VirtualHost(bucket: Member, path: string): { lines: string[]; path: string; hostPrefix: string } {
  const access = propertyAccess("input", bucket.name);
  return {
    lines: [
      `const pathStyle = ${path};`,
      `const virtualHost = !options.forcePathStyle && typeof ${access} === "string" && /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(${access});`,
    ],
    // A host label needs no percent-encoding, so the path starts with "/" + the bucket itself.
    path: `virtualHost ? pathStyle.slice(1 + ${access}.length) || "/" : pathStyle`,
    hostPrefix: `virtualHost ? ${access} + "." : undefined`,
  };
}

/** Route 53 ids as its API returns them (`/hostedzone/Z1`) are sent bare (`Z1`), as AWS SDKs do. */
const ROUTE53_ID_PREFIX = "/^\\/(hostedzone|change|delegationset)\\//";

function route53Ids(ctx: SerializerContext, op: Operation, input: StructureShape | undefined): string[] {
  if (input === undefined) return [];
  const lines: string[] = [];
  const isString = (m: Member | undefined): m is Member => m !== undefined && shapeOf(ctx.model, m.target).type === "string";
  for (const name of ["DelegationSetId", "HostedZoneId", "Id"]) {
    const m = input.members.find((x) => x.name === name);
    if (!isString(m)) continue;
    const access = propertyAccess("input", name);
    lines.push(`if (${access} !== undefined) input = { ...input, ${name}: ${access}.replace(${ROUTE53_ID_PREFIX}, "") };`);
  }
  // ChangeResourceRecordSets: ChangeBatch.Changes[].ResourceRecordSet.AliasTarget.HostedZoneId.
  const path = ["ChangeBatch", "Changes", "ResourceRecordSet", "AliasTarget", "HostedZoneId"];
  const found = op.name === "ChangeResourceRecordSets" && memberPath(ctx, input, path);
  if (found) {
    lines.push(
      `{`,
      `  const batch = input.ChangeBatch;`,
      `  if (batch !== undefined && batch.Changes !== undefined) {`,
      `    const changes = batch.Changes.map((change) => {`,
      `      const set = change.ResourceRecordSet;`,
      `      const alias = set?.AliasTarget;`,
      `      if (set === undefined || alias === undefined || alias.HostedZoneId === undefined) return change;`,
      `      return { ...change, ResourceRecordSet: { ...set, AliasTarget: { ...alias, HostedZoneId: alias.HostedZoneId.replace(${ROUTE53_ID_PREFIX}, "") } } };`,
      `    });`,
      `    input = { ...input, ChangeBatch: { ...batch, Changes: changes } };`,
      `  }`,
      `}`,
    );
  }
  return lines;
}

/** True when the members named by `path` lead from `shape` through structures and lists to a string. */
function memberPath(ctx: SerializerContext, shape: StructureShape, path: readonly string[]): boolean {
  let current: Shape = shape;
  for (const name of path) {
    while (current.type === "list") current = shapeOf(ctx.model, current.member.target);
    if (current.type !== "structure") return false;
    const m: Member | undefined = current.members.find((x) => x.name === name);
    if (m === undefined) return false;
    current = shapeOf(ctx.model, m.target);
  }
  return current.type === "string";
}
