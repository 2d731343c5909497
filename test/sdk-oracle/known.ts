// Differences between our serializers and the AWS SDK v3 that are known and have a reason. Two
// kinds: an input adjustment (the SDK is handed the input as our serializer reads it, or our
// serializer the input as an SDK customization rewrites it; counted per input it changes), and a
// matcher for a remaining wire difference (counted per difference).
//
//   NESTED_DEFAULTS.sdkInput(model, "ns#CreateClusterRequest",
//     { configuration: { executeCommandConfiguration: { logConfiguration: {} } } })
//   → { configuration: { executeCommandConfiguration: { logConfiguration: { cloudWatchEncryptionEnabled: false, … } } } }
//   (undefined when nothing was filled in)

import { shapeOf, type Member, type ResolvedModel, type ShapeId } from "../../generator/model/ir.js";
import { parseXml, type XmlNode } from "../protocols/bodies.js";
import type { SdkRequest } from "./capture.js";
import type { Difference, OurRequest } from "./wire.js";

export type Input = Readonly<Record<string, unknown>>;

export interface KnownDifference {
  readonly id: string;
  readonly reason: string;
  /** The input to hand the SDK instead, or undefined when this difference does not touch it. */
  readonly sdkInput?: (model: ResolvedModel, inputId: ShapeId, operation: string, input: Input) => Input | undefined;
  /** The input to hand our serializer instead (an SDK customization rewrites its input so), or undefined. */
  readonly oursInput?: (operation: string, input: Input) => Input | undefined;
  /** Whether a remaining wire difference is this one. */
  readonly matches?: (difference: Difference, operation: string, input: Input, ours: OurRequest, sdk: SdkRequest) => boolean;
}

export const NESTED_DEFAULTS: KnownDifference = {
  id: "nested-defaults",
  reason:
    "our serializers fill in the @default of nested members left unset, as Smithy's client protocol tests ask " +
    "(AwsJson10ClientPopulatesNestedDefaultValuesWhenMissing and its restJson1/awsJson1_1 twins); the AWS SDK v3 " +
    "leaves them out. A service reads an absent member as its default, so both requests mean the same; the SDK " +
    "is handed the input with those defaults set, and the rest of the request must then be equal",
  sdkInput: (model, inputId, _operation, input) => {
    const filled = fillNested(model, inputId, input, true);
    return filled === input ? undefined : (filled as Input);
  },
};

/** The value with nested members' defaults filled in; the same object when none was missing. */
function fillNested(model: ResolvedModel, id: ShapeId, value: unknown, top: boolean): unknown {
  if (value === undefined || value === null) return value;
  const shape = shapeOf(model, id);
  switch (shape.type) {
    case "structure": {
      const record = value as Record<string, unknown>;
      let out: Record<string, unknown> | undefined;
      for (const m of shape.members) {
        const current = record[m.name];
        let next = current === undefined ? undefined : fillNested(model, m.target, current, false);
        if (current === undefined && !top) next = defaultValue(model, m);
        if (next !== current) {
          out ??= { ...record };
          out[m.name] = next;
        }
      }
      return out ?? value;
    }
    case "union": {
      const record = value as Record<string, unknown>;
      const [name] = Object.keys(record);
      const member = shape.members.find((m) => m.name === name);
      if (!member || name === undefined) return value;
      const next = fillNested(model, member.target, record[name], false);
      return next === record[name] ? value : { [name]: next };
    }
    case "list": {
      const items = value as unknown[];
      const next = items.map((item) => fillNested(model, shape.member.target, item, false));
      return next.every((item, i) => item === items[i]) ? value : next;
    }
    case "map": {
      const record = value as Record<string, unknown>;
      let out: Record<string, unknown> | undefined;
      for (const [key, item] of Object.entries(record)) {
        const next = fillNested(model, shape.value.target, item, false);
        if (next !== item) {
          out ??= { ...record };
          out[key] = next;
        }
      }
      return out ?? value;
    }
    default:
      return value;
  }
}

/** A member's @default as the value a caller would pass, or undefined when a client leaves it. */
function defaultValue(model: ResolvedModel, member: Member): unknown {
  const value = member.default;
  if (value === undefined || value === null || member.clientOptional) return undefined;
  const shape = shapeOf(model, member.target);
  switch (shape.type) {
    case "timestamp":
      return typeof value === "number" ? new Date(value * 1000) : new Date(String(value));
    case "blob":
      return new Uint8Array(Buffer.from(String(value), "base64"));
    case "number":
    case "intEnum":
      return typeof value === "string" ? Number(value) : value;
    default:
      return value;
  }
}

export const XML_MEMBER_ORDER: KnownDifference = {
  id: "xml-member-order",
  reason:
    "the AWS SDK v3 writes a structure's required members first, then the optional ones (its schemas list " +
    "them so); we write the members in the model's order, as the model and the service's API reference list " +
    "them. Only the order of elements of different names differs: the body is equal once each element's " +
    "children are sorted by name, keeping elements of one name (list items) in their order",
  matches: (difference, _operation, _input, ours, sdk) =>
    difference.part === "body" && typeof ours.body === "string" && typeof sdk.body === "string" && sameXmlUpToSiblingOrder(ours.body, sdk.body),
};

function sameXmlUpToSiblingOrder(a: string, b: string): boolean {
  const x = parseXml(a);
  const y = parseXml(b);
  if (typeof x === "string" || typeof y === "string") return false;
  return JSON.stringify(x.map(sortChildren)) === JSON.stringify(y.map(sortChildren));
}

function sortChildren(node: XmlNode): XmlNode {
  if (typeof node === "string") return node;
  const children = node.children.map(sortChildren);
  const name = (n: XmlNode) => (typeof n === "string" ? "" : n.name);
  // Array.prototype.sort is stable: elements of one name keep their order.
  children.sort((p, q) => (name(p) < name(q) ? -1 : name(p) > name(q) ? 1 : 0));
  return { ...node, children };
}

const ROUTE53_PREFIX = /^\/(hostedzone|change|delegationset)\//;

export const ROUTE53_IDS: KnownDifference = {
  id: "route53-id-prefix",
  reason:
    "an SDK customization, not in the model (@aws-sdk/middleware-sdk-route53): the SDK strips a leading " +
    "/hostedzone/, /change/ or /delegationset/ from the input members Id, HostedZoneId and DelegationSetId, " +
    "and from each change's AliasTarget.HostedZoneId in ChangeResourceRecordSets; our serializers send what " +
    "the caller gave. Our serializer is handed the input stripped the same way",
  oursInput: (operation, input) => {
    let out: Record<string, unknown> | undefined;
    for (const name of ["DelegationSetId", "HostedZoneId", "Id"]) {
      const value = input[name];
      if (typeof value === "string" && ROUTE53_PREFIX.test(value)) (out ??= { ...input })[name] = value.replace(ROUTE53_PREFIX, "");
    }
    if (operation === "ChangeResourceRecordSets") {
      const batch = input["ChangeBatch"] as { Changes?: { ResourceRecordSet?: { AliasTarget?: { HostedZoneId?: string } } }[] } | undefined;
      const changes = batch?.Changes ?? [];
      if (changes.some((c) => ROUTE53_PREFIX.test(c.ResourceRecordSet?.AliasTarget?.HostedZoneId ?? ""))) {
        (out ??= { ...input })["ChangeBatch"] = {
          ...batch,
          Changes: changes.map((c) => {
            const alias = c.ResourceRecordSet?.AliasTarget;
            if (!alias?.HostedZoneId || !ROUTE53_PREFIX.test(alias.HostedZoneId)) return c;
            return { ...c, ResourceRecordSet: { ...c.ResourceRecordSet, AliasTarget: { ...alias, HostedZoneId: alias.HostedZoneId.replace(ROUTE53_PREFIX, "") } } };
          }),
        };
      }
    }
    return out;
  },
};

export const LAMBDA_EMPTY_PAYLOAD_TYPE: KnownDifference = {
  id: "blob-payload-unset-content-type",
  reason:
    "with its blob @httpPayload (Payload) unset, the SDK still sends Content-Type: application/octet-stream " +
    "over an empty body; we send neither (a Content-Type describes a body; Smithy's " +
    "RestJsonHttpPayloadTraitsWithNoBlobBody case asserts none either way)",
  matches: (difference, operation, input, ours) =>
    operation === "Invoke" &&
    input["Payload"] === undefined &&
    ours.body === undefined &&
    difference.part === "header" &&
    difference.name === "content-type" &&
    difference.message === 'header content-type: ours (absent), SDK "application/octet-stream"',
};
