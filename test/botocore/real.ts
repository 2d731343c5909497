// Checks that a listed difference between a service's two descriptions is real: it is read again
// from the raw documents (the Smithy JSON AST and the AWS JSON service description), not from the
// resolved models the front ends made, so a lowering bug cannot pass for a difference.
//
//   confirm("member InitiateAuthRequest.Session: only in smithy", smithyAst, botoDoc) → true
//   (the botocore shape InitiateAuthRequest has no member Session; the Smithy one has)
//
// Kinds read from the documents: operations and members present in one only, `required` in one
// only, and enum values in one only. Other kinds return undefined (not checked here).

interface SmithyShape {
  readonly type: string;
  readonly members?: Record<string, { readonly target: string; readonly traits?: Record<string, unknown> }>;
  readonly traits?: Record<string, unknown>;
}

export interface RawPair {
  readonly smithy: { readonly shapes: Record<string, SmithyShape> };
  readonly botocore: {
    readonly operations: Record<string, unknown>;
    readonly shapes: Record<string, { readonly members?: Record<string, unknown>; readonly required?: string[]; readonly enum?: string[] }>;
  };
}

export function confirm(difference: string, raw: RawPair): boolean | undefined {
  const smithyByName = (name: string): SmithyShape | undefined => {
    const key = Object.keys(raw.smithy.shapes).find((id) => id.slice(id.indexOf("#") + 1) === name);
    return key ? raw.smithy.shapes[key] : undefined;
  };
  let m = /^operation (\w+): only in (smithy|botocore)$/.exec(difference);
  if (m) {
    const inSmithy = smithyByName(m[1]!)?.type === "operation";
    const inBoto = Object.hasOwn(raw.botocore.operations, m[1]!);
    return m[2] === "smithy" ? inSmithy && !inBoto : inBoto && !inSmithy;
  }
  m = /^member (\w+)\.(\w+): only in (smithy|botocore)$/.exec(difference);
  if (m) {
    const [, shape, member, side] = m as unknown as [string, string, string, string];
    const inSmithy = Object.hasOwn(smithyByName(shape)?.members ?? {}, member);
    const inBoto = Object.hasOwn(raw.botocore.shapes[shape]?.members ?? {}, member);
    return side === "smithy" ? inSmithy && !inBoto : inBoto && !inSmithy;
  }
  m = /^member (\w+)\.(\w+): required in (smithy|botocore) only$/.exec(difference);
  if (m) {
    const [, shape, member, side] = m as unknown as [string, string, string, string];
    const smithyRequired = Object.hasOwn(smithyByName(shape)?.members?.[member]?.traits ?? {}, "smithy.api#required");
    const botoRequired = (raw.botocore.shapes[shape]?.required ?? []).includes(member);
    return side === "smithy" ? smithyRequired && !botoRequired : botoRequired && !smithyRequired;
  }
  m = /^shape (\w+): enum values only in (smithy|botocore): (.*)$/.exec(difference);
  if (m) {
    const [, shape, side, list] = m as unknown as [string, string, string, string];
    const values = list.split(", ");
    const s = smithyByName(shape);
    const smithyValues = new Set<string>();
    for (const [name, member] of Object.entries(s?.members ?? {})) smithyValues.add(typeof member.traits?.["smithy.api#enumValue"] === "string" ? (member.traits["smithy.api#enumValue"] as string) : name);
    for (const def of (s?.traits?.["smithy.api#enum"] as { value: string }[] | undefined) ?? []) smithyValues.add(def.value);
    const botoValues = new Set(raw.botocore.shapes[shape]?.enum ?? []);
    // The botocore enum may sit on a shape named otherwise; then only the smithy side is checked.
    const [mine, theirs] = side === "smithy" ? [smithyValues, botoValues] : [botoValues, smithyValues];
    return values.every((v) => mine.has(v) && (theirs.size === 0 || !theirs.has(v)));
  }
  return undefined;
}
