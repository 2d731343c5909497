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
  // The load stops before trait targets are judged: the IDL parser reports its own errors first.
  // A default value (`member: String = "hi"`) on a list, map or union member is a syntax error here;
  // the reference parses it and reports the @default it makes as TraitTarget.
  "a member default outside a structure is a syntax error of the IDL parser": [
    "trait-target/lists-do-not-support-member-defaults.smithy com.foo#Foo$member default",
    "trait-target/maps-do-not-support-member-defaults.smithy com.foo#Foo$key default",
    "trait-target/maps-do-not-support-member-defaults.smithy com.foo#Foo$value default",
    "trait-target/unions-do-not-support-member-defaults.smithy com.foo#Foo$bar default",
  ],
  // The file's enum value errors (SMITHY_ENUM_VALUE, reported while the IDL is resolved) stop the load.
  "the load stops at the file's enum value errors": ["enums/enum-shapes.smithy ns.foo#EnumWithEnumTrait enum"],
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
  // Selectors of every kind show up: @httpLabel's and @hostLabel's `[trait|required]`, a member's
  // target (`:test(number, member > number)`), the container (`structure > member`), `:not(…)`
  // (@enum's, @httpResponseCode's), relationships (@nestedProperties' `-[input, output]->`,
  // @noReplace's `-[put]->`), `~>` (@uniqueItems'), `[id|member=value]` (@httpPrefixHeaders'),
  // a custom trait's selector, and a mixin applied as a trait.
  for (const kind of [
    "ns.foo#OInput$a httpLabel",
    "ns.foo#EInput$label2 httpLabel",
    "ns.foo#FInput$foo hostLabel",
    "ns.foo#String range",
    "ns.foo#InvalidStructure$Body httpChecksumRequired",
    "ns.foo#HttpOperationInput$Int httpResponseCode",
    "smithy.example#UpdateBookNest$book nestedProperties",
    "ns.foo#InvalidResource noReplace",
    "smithy.example#Documents uniqueItems",
    "smithy.example#Foo$headers httpPrefixHeaders",
    "ns.foo#Invalid$baz ns.foo#test",
    "smithy.example#InvalidUseOfMixinTrait smithy.example#mixinTrait",
  ]) {
    expect(reported.some((r) => r.endsWith(kind)), kind).toBe(true);
  }
  expect(extra).toEqual([]);
  expect([...missed].sort()).toEqual([...gaps].sort());
});
