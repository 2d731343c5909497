// The CBOR codec's writer: the same shape visitor as the JSON writer (codecs/json/writer.ts), in
// its `cbor` flavor, which builds the value tree that `encodeCbor` (the generated `cbor.ts`)
// turns into bytes: blobs stay `Uint8Array` (major type 2), floats stay numbers (`NaN` and
// `Infinity` as floats), timestamps become tag 1 around epoch seconds, member names are the
// members' own (no `@jsonName`).
//
//   cborValue(writer, "input.When", { target: "smithy.api#Timestamp" })  → "new CborTag(1, epochSeconds(input.When))"
//   cborValue(writer, "input", { target: "ns#In" })                       → "cbor_In(input)"

import type { Ref } from "../../../model/ir.js";
import type { SerializerContext } from "../../protocol.js";
import { jsonValue, jsonWriter, type JsonWriter } from "../json/writer.js";

export function cborWriter(ctx: SerializerContext): JsonWriter {
  return jsonWriter(ctx, { flavor: "cbor", useJsonName: false, defaultTimestamp: "epoch-seconds", ignoreTimestampFormat: true });
}

/** An expression for the CBOR value tree of `expr`, a value of the ref's target. */
export function cborValue(w: JsonWriter, expr: string, ref: Ref): string {
  return jsonValue(w, expr, ref);
}
