// The artifacts a model can get: which generated files the core emits for it.
//
//   artifacts: ["types", "validators"] → types.ts, validators.ts, runtime.ts, index.ts
//   "deserializers" → deserializers.ts and errors.ts (the error classes)

/** `types` is always emitted; `runtime.ts` comes with any other artifact, `index.ts` always. */
export const ARTIFACTS = Object.freeze(["types", "serializers", "deserializers", "validators", "redact"] as const);
export type Artifact = (typeof ARTIFACTS)[number];
