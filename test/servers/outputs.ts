// Compares an output of our client with the AWS SDK v3 client's for the same call. Our
// deserializers give a member the server left out its @default (README: Responses and errors);
// the SDK leaves it out. Such members, with a zero value (0, false, "", [], {}), are taken out of
// ours and listed, so a test can name exactly which ones it expects.
//
//   withoutFilledDefaults({ A: 1, RefreshTokenValidity: 0 }, { A: 1 }, "DescribeUserPoolClient", filled)
//   → { A: 1 }, filled: ["DescribeUserPoolClient RefreshTokenValidity = 0"]

/**
 * `ours` without the members `sdk` lacks whose value is a zero value (0, false, "", [], {}),
 * as a @default fills them; each one removed is listed in `filled` ("Op path = value").
 */
export function withoutFilledDefaults(ours: unknown, sdk: unknown, at: string, filled: string[], path = ""): unknown {
  if (Array.isArray(ours) && Array.isArray(sdk)) return ours.map((item, i) => withoutFilledDefaults(item, sdk[i], at, filled, `${path}[${i}]`));
  if (ours === null || typeof ours !== "object" || ours instanceof Date || sdk === null || typeof sdk !== "object") return ours;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ours)) {
    const where = path === "" ? key : `${path}.${key}`;
    const zero = value === 0 || value === false || value === "" || (Array.isArray(value) && value.length === 0) || (value !== null && typeof value === "object" && !(value instanceof Date) && Object.keys(value).length === 0);
    if (!(key in sdk) && zero) filled.push(`${at} ${where} = ${JSON.stringify(value)}`);
    else out[key] = withoutFilledDefaults(value, (sdk as Record<string, unknown>)[key], at, filled, where);
  }
  return out;
}
