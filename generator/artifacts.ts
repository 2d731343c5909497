// The artifacts a model can get: which generated files the core emits for it.
//
//   artifacts: ["types", "validators"] → types.ts, validators.ts, runtime.ts, index.ts

/** `types` is always emitted; `runtime.ts` comes with any other artifact, `index.ts` always. */
export const ARTIFACTS = Object.freeze(["types", "serializers", "validators", "redact"] as const);
export type Artifact = (typeof ARTIFACTS)[number];
