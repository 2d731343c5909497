// The CBOR codec's reader: the same shape visitor as the JSON reader (codecs/json/reader.ts), in
// its `cbor` flavor, reading the value tree that `decodeCbor` (the generated `cbor.ts`) made of a
// response body: blobs are byte strings, timestamps tag 1 around epoch seconds (`@timestampFormat`
// ignored), floats numbers (`NaN` and `Infinity` too, no strings), bigInteger an integer or a
// bignum (tags 2/3), bigDecimal a decimal fraction (tag 4) or a number, member names the members'
// own (no `@jsonName`), structures, unions and maps CBOR maps with text keys.
//
//   cborRead(reader, "v0", { target: "smithy.api#Timestamp" }, "path", '"When"')
//     → 'cborTimestamp(v0) ?? fail(path, "When", "a timestamp (tag 1)", v0)'
//   cborRead(reader, "body", { target: "ns#Out" }, '"$"', undefined) → 'cbor_Out(body, "$")'

import type { Ref } from "../../../model/ir.js";
import type { DeserializerContext } from "../../protocol.js";
import { jsonRead, jsonReader, type JsonReader } from "../json/reader.js";

export function cborReader(ctx: DeserializerContext): JsonReader {
  return jsonReader(ctx, { flavor: "cbor", useJsonName: false, defaultTimestamp: "epoch-seconds", ignoreTimestampFormat: true });
}

/** An expression reading `expr` (a decoded CBOR value, not null) as a value of the ref's target; see `jsonRead`. */
export function cborRead(r: JsonReader, expr: string, ref: Ref, path: string, key: string | undefined): string {
  return jsonRead(r, expr, ref, path, key);
}
