// Turns a response case's `params` (a Smithy node value) into the value a generated deserializer
// must return (or the members of the error it must throw), guided by the resolved model: the
// output forms of CONTRACT.md ("Response side").
//
//   structure Out { when: Timestamp, data: Blob, f: Float, big: BigInteger, dec: BigDecimal, u: U }
//   toOutput(model, "ns#Out", { when: 1576540098, data: "abc", f: "NaN", big: 42, dec: 1.5,
//                               u: { s: "x" }, gone: null })
//   → { when: new Date(1576540098000), data: Uint8Array [97, 98, 99], f: NaN, big: 42n,
//       dec: "1.5", u: { s: "x" } }
//
// - A `null` structure or union member means "not set": it is left out (outputs leave absent
//   members out). Sparse list items and map values keep their nulls.
// - bigInteger → `bigint`, bigDecimal → the exact decimal text. The model loader keeps a literal
//   a float64 cannot hold as its text (`BigNumberNode`), so 0.100000000000000000000001 is
//   expected as written; elsewhere (a double, a document) such a literal is its nearest float64.
// - Timestamps in params are epoch seconds (fractions allowed: milliseconds, rounded) or date-time
//   strings; blobs are UTF-8 strings; documents stay as they are (compared as JSON values).
// A value that does not fit its shape throws, naming the path; the runner reports the case as
// failed with that message. The conversion is params.ts's, which the request runner uses too.

import type { ResolvedModel } from "../../generator/model/ir.js";
import type { NodeValue } from "../../generator/smithy/ast.js";
import { toValue } from "./params.js";

export function toOutput(model: ResolvedModel, shapeId: string | undefined, params: NodeValue | undefined): unknown {
  return toValue(model, shapeId, params, "output");
}
