// Wrong expectations for response cases, to prove the response runner can fail: each mutated
// expectation must not match what the deserializer did for the original case.
//
//   mutateExpectation({ kind: "output", value: { greeting: "Hi" } }, "value")
//   → { kind: "output", value: { greeting: "Hix" } }
//   mutateExpectation({ kind: "error", errorClass: "InvalidGreeting", name: "InvalidGreeting", fault: "client", members: {}, status: 400 }, "class")
//   → { kind: "error", errorClass: "UnknownServiceError", name: "InvalidGreeting", fault: "client", members: {}, status: 400 }
//
// Kinds: for a success case, "value" (the first leaf of the expected output changes, or a member
// is added to an empty one) and "error" (an error is expected instead); for an error case,
// "class" (another error class is expected), "name" (another error name), "fault" (the other
// fault), "status" (another status), "code" (another error
// code, when the case names one) and "members" (the first expected member changes, when there is one).

import type { Expectation } from "./response-runner.js";

export type ResponseMutation = "value" | "error" | "class" | "name" | "fault" | "status" | "code" | "members";

export function responseMutations(e: Expectation): ResponseMutation[] {
  if (e.kind === "output") return ["value", "error"];
  const kinds: ResponseMutation[] = ["class", "name", "fault", "status"];
  if (e.code !== undefined) kinds.push("code");
  if (Object.keys(e.members).length > 0) kinds.push("members");
  return kinds;
}

export function mutateExpectation(e: Expectation, kind: ResponseMutation): Expectation {
  switch (kind) {
    case "value":
      if (e.kind !== "output") throw new Error("a value mutation needs a success case");
      return { ...e, value: mutateValue(e.value) };
    case "error":
      return { kind: "error", errorClass: "UnknownServiceError", name: "UnknownServiceError", fault: "server", members: {}, status: 500 };
    case "class":
      if (e.kind !== "error") throw new Error("a class mutation needs an error case");
      return { ...e, errorClass: e.errorClass === "UnknownServiceError" ? "MalformedResponseError" : "UnknownServiceError" };
    case "name":
      if (e.kind !== "error") throw new Error("a name mutation needs an error case");
      return { ...e, name: `${e.name}x` };
    case "fault":
      if (e.kind !== "error") throw new Error("a fault mutation needs an error case");
      return { ...e, fault: e.fault === "client" ? "server" : "client" };
    case "status":
      if (e.kind !== "error") throw new Error("a status mutation needs an error case");
      return { ...e, status: e.status + 1 };
    case "code":
      if (e.kind !== "error") throw new Error("a code mutation needs an error case");
      return { ...e, code: `${e.code ?? ""}x` };
    case "members":
      if (e.kind !== "error") throw new Error("a members mutation needs an error case");
      return { ...e, members: mutateValue(e.members) as Record<string, unknown> };
    default: {
      const never: never = kind;
      throw new Error(`unknown mutation ${String(never)}`);
    }
  }
}

/** Changes the first leaf of an output value (or adds an entry to an empty container). */
export function mutateValue(v: unknown): unknown {
  if (typeof v === "string") return `${v}x`;
  if (typeof v === "number") return !Number.isFinite(v) ? 0 : v === 0 ? 1 : v * 2; // * 2 stays a different float32
  if (typeof v === "bigint") return v + 1n;
  if (typeof v === "boolean") return !v;
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return new Date(v.getTime() + 1000);
  if (v instanceof Uint8Array) return new Uint8Array([...v, 120]);
  if (Array.isArray(v)) return v.length === 0 ? [null] : [mutateValue(v[0]), ...v.slice(1)];
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return { $mutated: 1 };
  return Object.fromEntries(entries.map(([k, x], i) => [k, i === 0 ? mutateValue(x) : x]));
}
