// The documents Prism checks our requests on. Chosen for what they exercise and for loading in
// seconds in Prism (Stripe does not load within 5 minutes: its $ref graph is dereferenced whole;
// Kubernetes takes 20 s):
// - twilio accounts v1, nexmo sms: URL-encoded form bodies (no Encoding Objects);
// - rev.ai: multipart/form-data uploads, path and query parameters, an Accept header parameter;
// - redhat patchman: form-style query arrays (explode false), many query parameters;
// - wolframalpha: OpenAPI 3.1, required query parameters;
// - xkcd: path parameters, no input at all;
// - our Cognito model (3.1, a JSON body of a vendor media type, a constant header) and our
//   params fixture (every path style, query styles, header and cookie parameters).

export const QUICK_DOCUMENTS = [
  "twilio.com__twilio_accounts_v1.json.gz",
  "nexmo.com__sms.json.gz",
  "rev.ai.json.gz",
  "redhat.local__patchman-engine.json.gz",
  "wolframalpha.com.json.gz",
  "xkcd.com.json.gz",
] as const;

export const OWN_DOCUMENTS = ["models/cognito-identity-provider.openapi.yaml", "test/openapi/fixtures/params.yaml"] as const;

/**
 * npm run test:prism: the quick ones and more (each with 0 unlisted violations when added): more
 * Twilio forms, Adyen (3.1, JSON bodies with required properties), VTEX (many headers, CSV
 * bodies), Orthanc (291 operations, text bodies), Budapest's BKK (form-style query arrays),
 * Marketcheck (hundreds of query parameters), GitHub (845 operations).
 */
export const ALL_DOCUMENTS = [
  ...QUICK_DOCUMENTS,
  "twilio.com__twilio_chat_v3.json.gz",
  "twilio.com__twilio_insights_v1.json.gz",
  "adyen.com__AccountService.json.gz",
  "vtex.local__Promotions-.json.gz",
  "orthanc-server.com.json.gz",
  "bkk.hu.json.gz",
  "apigee.net__marketcheck-cars.json.gz",
  "hillbillysoftware.com__shinobi.json.gz",
  "parliament.uk__members.json.gz",
  "browshot.com.json.gz",
  "ebay.com__sell-logistics.json.gz",
  "googleapis.com__workflows.json.gz",
  "surevoip.co.uk.json.gz",
  "github.com__api.github.com.json.gz",
] as const;
