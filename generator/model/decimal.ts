// Exact decimal numbers as text, for the values a float64 cannot hold (bigInteger and bigDecimal
// values, `@default`s and `@range` bounds of such shapes): a number literal read into sign, digits
// and exponent, compared exactly, rounded to an integer, and tested for a float64 round trip.
//
//   parseDecimal("-0.0150e2")            → { negative: true, digits: "15", exponent: -1 }   (−15 × 10⁻¹)
//   compareDecimals("1e2", "99.5")       → 1
//   roundTrips("0.1")                    → true   (String(0.1) is "0.1": the same decimal value)
//   roundTrips("0.100000000000000000000001") → false (a float64 reads it as 0.1)
//   integerText("1.5", "ceil")           → "2";  integerText("1.5", "exact") → undefined
//
// `BigNumberNode` is how front ends hand such a literal over (a node value, `@default`s in the IR).
//
// The syntax is JSON's number grammar (which is also the Smithy IDL's): `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`.

/** A decimal number: (−1)^negative × digits × 10^exponent; zero has no digits (and is never negative). */
export interface Decimal {
  readonly negative: boolean;
  /** Significant digits without leading or trailing zeros; "" for zero. */
  readonly digits: string;
  readonly exponent: number;
}

/** JSON's number grammar: what a bigDecimal string must look like. */
export const DECIMAL_SYNTAX = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/** The decimal a number literal stands for, or undefined when it is not one. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL_SYNTAX.exec(text);
  if (!m) return undefined;
  const negative = text.startsWith("-");
  const whole = text.slice(negative ? 1 : 0, text.length - (m[2]?.length ?? 0) - (m[3]?.length ?? 0));
  const fraction = (m[2] ?? ".").slice(1);
  let exponent = (m[3] ? Number(m[3].slice(1)) : 0) - fraction.length;
  let digits = (whole + fraction).replace(/^0+/, "");
  const trailing = digits.length - digits.replace(/0+$/, "").length;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return digits === "" ? { negative: false, digits: "", exponent: 0 } : { negative, digits, exponent };
}

/** −1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  if (a.digits === "" || b.digits === "" || a.negative !== b.negative) {
    const sign = (d: Decimal) => (d.digits === "" ? 0 : d.negative ? -1 : 1);
    return Math.sign(sign(a) - sign(b)) as -1 | 0 | 1;
  }
  const flip = a.negative ? -1 : 1;
  // Magnitude: the position of the leading digit first, then the digits themselves.
  const lead = a.digits.length + a.exponent - (b.digits.length + b.exponent);
  if (lead !== 0) return (Math.sign(lead) * flip) as -1 | 0 | 1;
  const n = Math.max(a.digits.length, b.digits.length);
  const da = a.digits.padEnd(n, "0");
  const db = b.digits.padEnd(n, "0");
  return da === db ? 0 : ((da < db ? -flip : flip) as -1 | 1);
}

/** `compareDecimal` of two literals; undefined when either is not a number literal. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 | undefined {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x && y ? compareDecimal(x, y) : undefined;
}

/** Whether a float64 holds the literal's value as written: `String(Number(text))` is the same decimal. */
export function roundTrips(text: string): boolean {
  const value = Number(text);
  if (!Number.isFinite(value)) return false;
  const a = parseDecimal(text);
  const b = parseDecimal(String(value).replace("e+", "e"));
  return a !== undefined && b !== undefined && compareDecimal(a, b) === 0;
}

/**
 * The literal as an integer's decimal digits (`"-12"`): `exact` only when it is a whole number,
 * `floor` / `ceil` round towards −∞ / +∞. Undefined for a non-literal, or a whole number of more than
 * 10,000 digits (no bound of a real model).
 */
export function integerText(text: string, mode: "exact" | "floor" | "ceil"): string | undefined {
  const d = parseDecimal(text);
  if (!d) return undefined;
  if (d.digits === "") return "0";
  if (d.exponent >= 0) return d.exponent > 10_000 ? undefined : (d.negative ? "-" : "") + d.digits + "0".repeat(d.exponent);
  if (mode === "exact") return undefined;
  const keep = d.digits.length + d.exponent; // digits before the point
  const whole = keep > 0 ? BigInt(d.digits.slice(0, keep)) : 0n;
  const signed = d.negative ? -whole : whole;
  // A fraction is left over (trailing zeros were dropped): move away from the truncated value.
  const rounded = mode === "floor" ? (d.negative ? signed - 1n : signed) : d.negative ? signed : signed + 1n;
  return String(rounded);
}

/** The decimal text of a float64 (`1e+21` → `"1e21"`, `-0` → `"0"`), for values a model gave as plain numbers. */
export function numberText(value: number): string {
  return Object.is(value, -0) ? "0" : String(value).replace("e+", "e");
}

/**
 * A number literal that a float64 cannot hold as written (`9223372036854775808`,
 * `0.100000000000000000000001`, `1e400`), kept as its text so bigInteger and bigDecimal values
 * stay exact. A literal that survives the round trip (`1.5`, `1.0`, `0.1`) is a plain `number`.
 * `JSON.stringify` writes the nearest float64 (`toJSON`); `shapesmith ast` writes the text.
 */
export class BigNumberNode {
  constructor(readonly text: string) {}
  /** The nearest float64 (±Infinity beyond the double range). */
  get approx(): number {
    return Number(this.text);
  }
  toJSON(): number {
    return this.approx;
  }
}
