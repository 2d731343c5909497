// Stripe's form bodies, field by field (issue 10 acceptance): `POST /v1/customers` with metadata
// and an address, `POST /v1/checkout/sessions` with line items and expand, as Stripe's document
// declares them (every object property `style: deepObject, explode: true`) and as Stripe's own
// SDKs write them: brackets for nesting, numbered array items (`expand[0]`, `line_items[0][price]`).

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateFiles } from "../openapi/helpers.js";
import { writeTree } from "../helpers/generate.js";
import { corpusFile } from "../helpers/paths.js";

interface Request {
  method: string;
  path: string;
  query: readonly string[];
  headers: Record<string, string>;
  body?: string | Uint8Array;
}
let s: Record<string, (input: unknown) => Request>;

beforeAll(async () => {
  const text = gunzipSync(readFileSync(corpusFile("openapi/stripe.com.json.gz"))).toString("utf8");
  const result = await generateFiles([{ path: "stripe.com.json", text }], "stripe", false);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join("; "));
  s = (await import(join(writeTree(result.files, "stripe-wire"), "stripe", "serializers.ts"))) as typeof s;
});

/** The body's fields in order, decoded as Stripe's server reads them. */
const fields = (r: Request) => [...new URLSearchParams(String(r.body)).entries()];

describe("Stripe form bodies", () => {
  it("POST /v1/customers with metadata, address, preferred locales and expand", () => {
    const request = s["serializePostCustomersRequest"]!({
      email: "jenny@example.com",
      name: "Jenny Rosen",
      metadata: { order_id: "6735", "note key": "a&b=c" },
      address: { line1: "510 Townsend St", city: "San Francisco", postal_code: "94103", country: "US" },
      preferred_locales: ["en", "fr"],
      expand: ["default_source", "tax"],
    });
    expect({ ...request, body: undefined }).toEqual({ method: "POST", path: "/v1/customers", query: [], headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: undefined });
    expect(fields(request)).toEqual([
      ["address[line1]", "510 Townsend St"],
      ["address[city]", "San Francisco"],
      ["address[postal_code]", "94103"],
      ["address[country]", "US"],
      ["email", "jenny@example.com"],
      ["expand[0]", "default_source"],
      ["expand[1]", "tax"],
      ["metadata[order_id]", "6735"],
      ["metadata[note key]", "a&b=c"],
      ["name", "Jenny Rosen"],
      ["preferred_locales[0]", "en"],
      ["preferred_locales[1]", "fr"],
    ]);
    // The raw text: brackets and reserved characters percent-encoded, nothing else.
    expect(String(request.body)).toContain("metadata%5Bnote%20key%5D=a%26b%3Dc");
  });

  it("POST /v1/checkout/sessions with line items (price, quantity, price_data with nested product_data), mode, URLs and expand", () => {
    const request = s["serializePostCheckoutSessionsRequest"]!({
      mode: "payment",
      success_url: "https://example.com/success?session_id={CHECKOUT_SESSION_ID}",
      line_items: [
        { price: "price_1MotwRLkdIwHu7ixYcPLm5uZ", quantity: 2 },
        { price_data: { currency: "usd", unit_amount: 2000, product_data: { name: "T-shirt", metadata: { size: "M" } } }, quantity: 1, tax_rates: ["txr_1", "txr_2"] },
      ],
      expand: ["line_items"],
      metadata: {},
    });
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/checkout/sessions");
    expect(fields(request)).toEqual([
      ["expand[0]", "line_items"],
      ["line_items[0][price]", "price_1MotwRLkdIwHu7ixYcPLm5uZ"],
      ["line_items[0][quantity]", "2"],
      ["line_items[1][price_data][currency]", "usd"],
      ["line_items[1][price_data][product_data][metadata][size]", "M"],
      ["line_items[1][price_data][product_data][name]", "T-shirt"],
      ["line_items[1][price_data][unit_amount]", "2000"],
      ["line_items[1][quantity]", "1"],
      ["line_items[1][tax_rates][0]", "txr_1"],
      ["line_items[1][tax_rates][1]", "txr_2"],
      ["mode", "payment"],
      ["success_url", "https://example.com/success?session_id={CHECKOUT_SESSION_ID}"],
    ]);
  });

  it("GET with expand in the query: expand[0]=...", () => {
    expect(s["serializeGetCustomersCustomerRequest"]!({ customer: "cus_1", expand: ["default_source", "sources"] })).toEqual({
      method: "GET",
      path: "/v1/customers/cus_1",
      query: ["expand%5B0%5D=default_source", "expand%5B1%5D=sources"],
      headers: {},
    });
  });
});
