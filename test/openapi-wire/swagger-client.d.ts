// The part of swagger-client (which ships no types) that the oracle uses.
declare module "swagger-client" {
  const SwaggerClient: {
    /** The request Swagger UI would send: `{ url, method, headers, body }` (body a string, a FormData or an object for JSON). */
    buildRequest(options: Record<string, unknown>): unknown;
  };
  export default SwaggerClient;
}
