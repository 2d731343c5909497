// Differences between our serializers and the AWS SDK v3 that are known and have a reason. Two
// kinds: an input adjustment (the SDK is handed the input as our serializer reads it; counted per
// input it changes), and a matcher for a remaining wire difference (counted per difference).
//
//   NESTED_DEFAULTS.sdkInput(model, "ns#CreateClusterRequest",
//     { configuration: { executeCommandConfiguration: { logConfiguration: {} } } })
//   → { configuration: { executeCommandConfiguration: { logConfiguration: { cloudWatchEncryptionEnabled: false, … } } } }
//   (undefined when nothing was filled in)

import { shapeOf, type Member, type ResolvedModel, type ShapeId } from "../../generator/model/ir.js";
import type { SdkRequest } from "./capture.js";
import type { Difference, OurRequest } from "./wire.js";

export type Input = Readonly<Record<string, unknown>>;

export interface KnownDifference {
  readonly id: string;
  readonly reason: string;
  /** The input to hand the SDK instead, or undefined when this difference does not touch it. */
  readonly sdkInput?: (model: ResolvedModel, inputId: ShapeId, operation: string, input: Input) => Input | undefined;
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
