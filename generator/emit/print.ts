// Small printing helpers shared by the emitters.
//
//   setProperty("out", "Name", "x")      → 'out["Name"] = x;'
//   setProperty("out", "__proto__", "x") → 'Object.defineProperty(out, "__proto__", { value: x, ... });'
//
// A plain assignment to `__proto__` would change the prototype instead of creating a property
// (and silently keep the old value when `x` is not an object), so that one key is defined.

export function setProperty(target: string, key: string, value: string): string {
  if (key === "__proto__") {
    return `Object.defineProperty(${target}, "__proto__", { value: ${value}, enumerable: true, writable: true, configurable: true });`;
  }
  return `${target}[${JSON.stringify(key)}] = ${value};`;
}
