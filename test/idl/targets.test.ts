// Each rule of generator/smithy/validate/targets.ts on a model of ours (test/idl/fixtures/targets.smithy),
// the rules the reference's own target-validator files cannot show us (the loader rejects those
// files first, for their undefined targets): the whole list of SMITHY_TARGET errors, in order, at
// the shape the reference reports them on, worded as the reference words them.
//
//   operation ErrorAsInput { input: Oops }   (@error structure Oops)
//   → SMITHY_TARGET at ErrorAsInput: "Operation input targets an invalid structure `…#Oops` that is marked with the `error` trait."

import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithyModels } from "../../generator/smithy/frontend.js";

test("every target rule: its error, at its shape, and nothing else", () => {
  const diags = new Diagnostics();
  const models = loadSmithyModels({ name: "targets", files: [{ path: "targets.smithy", text: readFileSync("test/idl/fixtures/targets.smithy", "utf8") }] }, diags);
  expect(models).toEqual([]);
  const ns = "test.targets#";
  expect(diags.items.map((d) => [d.code, d.severity, d.pointer, d.line, d.message.replaceAll(ns, "")])).toEqual([
    ["SMITHY_TARGET", "error", `/shapes/${ns}Svc`, 8, "`Plain` cannot be bound as an error because it is not marked with the `error` trait."],
    ["SMITHY_TARGET", "error", `/shapes/${ns}Svc`, 8, "service shape `error` relationships must target a structure shape, but found (string: `Code`)"],
    ["SMITHY_TARGET", "error", `/shapes/${ns}ErrorAsInput/input`, 16, "Operation input targets an invalid structure `Oops` that is marked with the `error` trait."],
    ["SMITHY_TARGET", "error", `/shapes/${ns}ErrorAsInput/output`, 17, "Operation output targets an invalid structure `Oops` that is marked with the `error` trait."],
    ["SMITHY_TARGET", "error", `/shapes/${ns}UnmarkedErrors`, 20, "`Plain` cannot be bound as an error because it is not marked with the `error` trait."],
    ["SMITHY_TARGET", "error", `/shapes/${ns}Res`, 31, "resource shape `identifier` relationships must target a string shape, but found (integer: `smithy.api#Integer`)"],
    ["SMITHY_TARGET", "error", `/shapes/${ns}Res`, 31, "resource shape `resource` relationships must target a resource shape, but found (string: `Code`)"],
    ["SMITHY_TARGET", "error", `/shapes/${ns}Res`, 31, "Resource create lifecycle operation must target an operation, but found (string: `Code`)"],
    ["SMITHY_TARGET", "error", `/shapes/${ns}Res`, 31, "Resource read lifecycle operation must target an operation, but found (string: `Code`)"],
    ["SMITHY_TARGET", "error", `/shapes/${ns}Res`, 31, "resource shape `operation` relationships must target a operation shape, but found (string: `Code`)"],
    ["SMITHY_TARGET", "error", `/shapes/${ns}OfService/member`, 40, "Members cannot target service shapes, but found (service: `Svc`)"],
    ["SMITHY_TARGET", "error", `/shapes/${ns}OfResource/member`, 44, "Members cannot target resource shapes, but found (resource: `Res`)"],
    ["SMITHY_TARGET", "error", `/shapes/${ns}KeyedByStructure`, 47, "Map key member targets (structure: `Plain`), but is expected to target a string"],
    [
      "SMITHY_TARGET",
      "error",
      `/shapes/${ns}OfTraitDefinition/member`,
      56,
      "Found a MEMBER_TARGET reference to trait definition `marker`. Trait definitions cannot be targeted by members or referenced by shapes in any other context other than applying them as traits.",
    ],
    [
      "SMITHY_TARGET",
      "error",
      `/shapes/${ns}UsesMixinAsTarget/members/base`,
      63,
      "Illegal MEMBER_TARGET reference to mixin `Base`; shapes marked with the mixin trait can only be referenced to apply them as a mixin.",
    ],
  ]);
  for (const d of diags.items) expect(d.hint, d.message).toBeTruthy();
});
