// Where a trait may be applied, against the reference implementation: every `TraitTarget` ERROR
// that its validator error files (../shared/corpus/smithy/idl/errorfiles/validators, each a model
// and the `.errors` its validators report) list is reported by our loader as SMITHY_TRAIT_TARGET on
// the same shape and trait, or is one of the GAPS below, each with the reason we do not judge it.
// No SMITHY_TRAIT_TARGET may be reported on a shape that the reference does not list.
//
//   http-request-response-validator.smithy: "[ERROR] ns.foo#OInput$a: Trait `httpLabel` cannot be
//   applied to `ns.foo#OInput$a`. … structure > member[trait|required] … | TraitTarget"
//     → our loader reports SMITHY_TRAIT_TARGET on `ns.foo#OInput$a` for `httpLabel`

import { expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { listCorpus, readCorpus, source } from "./corpus.js";

const DIR = "smithy/idl/errorfiles/validators";

/** `file shape trait` of the reference's TraitTarget errors we do not report, by reason. */
const GAPS: Readonly<Record<string, readonly string[]>> = {
  // Selectors outside the subset of generator/smithy/idl/selectors.ts, which are not judged
  // (never guessed): `:not(…)`, attribute selectors other than a member's `[trait|…]`, relationship
  // selectors (`-[input]->`), and a member's target reached through a list's member.
  "selector outside the judged subset": [
    "added-default/missing-default.smithy smithy.example#Foo$bar addedDefault",
    "enums/enum-shapes.smithy ns.foo#EnumWithEnumTrait enum",
    "http-binding-trait-ignored.smithy smithy.example#IgnoredBindingOperationInput$code httpResponseCode",
    "http-request-response-validator.smithy ns.foo#BadError httpError",
    "http-request-response-validator.smithy ns.foo#GInput$b httpHeader",
    "http-request-response-validator.smithy ns.foo#GOutput$b httpHeader",
    "http-request-response-validator.smithy ns.foo#HInput$a httpHeader",
    "http-response-code-input-conflicts.smithy ns.foo#HttpOperationInput$Int httpResponseCode",
    "httpprefixheaders-on-sparse-map.smithy smithy.example#Foo$headers httpPrefixHeaders",
    "json-name.json ns.foo#B jsonName",
    "metadata/operation-io-metadata.smithy smithy.example#FooInput metadata",
    "metadata/operation-io-metadata.smithy smithy.example#FooOutput metadata",
    "no-replace-trait.json ns.foo#InvalidResource noReplace",
    "resource-properties/invalid-resource-properties-nested.smithy smithy.example#ResourceDescription$invalidToken notProperty",
    "resource-properties/invalid-resource-properties-nested.smithy smithy.example#UpdateBookNest$book nestedProperties",
    "resource-properties/invalid-resource-properties-nested.smithy smithy.example#SetTitleInput$title nestedProperties",
    "sensitive-trait.json ns.foo#Operation sensitive",
    "trait-target/lists-do-not-support-member-defaults.smithy com.foo#Foo$member default",
    "trait-target/maps-do-not-support-member-defaults.smithy com.foo#Foo$key default",
    "trait-target/maps-do-not-support-member-defaults.smithy com.foo#Foo$value default",
    "trait-target/trait-target.json ns.foo#Invalid$baz ns.foo#test",
    "trait-target/unions-do-not-support-member-defaults.smithy com.foo#Foo$bar default",
    "unique-items-floats.smithy smithy.example#Floats uniqueItems",
    "unique-items-floats.smithy smithy.example#Doubles uniqueItems",
    "unique-items-floats.smithy smithy.example#Structures uniqueItems",
    "unique-items-floats.smithy smithy.example#Documents uniqueItems",
    "xml-flattened.json ns.foo#InvalidStringList xmlFlattened",
    "xml-flattened.json ns.foo#InvalidStringMap xmlFlattened",
  ],
  // A trait that is itself a mixin, applied as a trait: reported by the reference as TraitTarget;
  // we do not check it.
  "a mixin applied as a trait": ["mixins/mixin-trait-applied.smithy smithy.example#InvalidUseOfMixinTrait smithy.example#mixinTrait"],
};

test("trait targets: the reference's TraitTarget errors are ours, or listed gaps", () => {
  const expected: string[] = [];
  const reported: string[] = [];
  for (const rel of listCorpus(DIR, (r) => /\.(smithy|json)$/.test(r))) {
    const errorsRel = rel.replace(/\.(smithy|json)$/, ".errors");
    let errors: string;
    try {
      errors = readCorpus(errorsRel);
    } catch {
      continue; // a model without an `.errors` twin (a shared file)
    }
    const name = rel.slice(DIR.length + 1);
    for (const line of errors.split("\n")) {
      const m = /^\[ERROR\] (\S+): Trait `([^`]+)`.*\| TraitTarget$/.exec(line);
      if (m) expected.push(`${name} ${m[1]} ${m[2]}`);
    }
    const diags = new Diagnostics();
    loadSmithy([source(rel)], diags);
    for (const d of diags.items) {
      if (d.code !== "SMITHY_TRAIT_TARGET") continue;
      const m = /^Trait `([^`]+)` cannot be applied to `([^`]+)`/.exec(d.message);
      expect(m, d.message).not.toBeNull();
      reported.push(`${name} ${m![2]} ${m![1]!.replace(/^smithy\.api#/, "")}`);
    }
  }
  const gaps = Object.values(GAPS).flat();
  const missed = expected.filter((e) => !reported.includes(e));
  const extra = reported.filter((r) => !expected.includes(r));
  console.log(`trait targets: ${expected.length} TraitTarget errors in the reference; ${expected.length - missed.length} reported, ${missed.length} not (listed gaps: ${gaps.length}); ${extra.length} reported that the reference does not list`);
  expect(expected.length).toBeGreaterThan(40);
  // Every judged selector kind shows up: @httpLabel's and @hostLabel's `[trait|required]`, a
  // member's target (`:test(number, member > number)`), and the container (`structure > member`).
  for (const kind of ["ns.foo#OInput$a httpLabel", "ns.foo#EInput$label2 httpLabel", "ns.foo#FInput$foo hostLabel", "ns.foo#String range", "ns.foo#InvalidStructure$Body httpChecksumRequired"]) {
    expect(reported.some((r) => r.endsWith(kind)), kind).toBe(true);
  }
  expect(extra).toEqual([]);
  expect([...missed].sort()).toEqual([...gaps].sort());
});
