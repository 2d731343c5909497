// The part of swagger-client (which ships no types) that the oracle uses.
declare module "swagger-client" {
  const SwaggerClient: {
    /** The request Swagger UI would send: `{ url, method, headers, body }` (body a string, a FormData or an object for JSON). */
    buildRequest(options: Record<string, unknown>): unknown;
  };
  export default SwaggerClient;
}

// swagger-client's encoder of cookie values (RFC 6265 cookie-octets kept, others and `=`, `&` percent-encoded).
declare module "swagger-client/lib/helpers/cookie.js" {
  export function valuePercentEncoder(value: string): string;
}
