// The documents Prism checks our requests on. Chosen for what they exercise and for loading in
// seconds in Prism (Stripe does not load within 5 minutes: its $ref graph is dereferenced whole;
// Kubernetes takes 20 s):
// - twilio accounts v1, nexmo sms: URL-encoded form bodies (no Encoding Objects);
// - rev.ai: multipart/form-data uploads, path and query parameters, an Accept header parameter;
// - redhat patchman: form-style query arrays (explode false), many query parameters;
// - wolframalpha: OpenAPI 3.1, required query parameters;
// - xkcd: path parameters, no input at all;
// - our Cognito model (3.1, a JSON body of a vendor media type, a constant header), our params
//   fixture (every path style, query styles, header and cookie parameters); in the full set also
//   our wire and bodies fixtures (form bodies with Encoding Objects, multipart with files, XML,
//   text, bytes).

export const QUICK_DOCUMENTS = [
  "twilio.com__twilio_accounts_v1.json.gz",
  "nexmo.com__sms.json.gz",
  "rev.ai.json.gz",
  "redhat.local__patchman-engine.json.gz",
  "wolframalpha.com.json.gz",
  "xkcd.com.json.gz",
] as const;

export const OWN_DOCUMENTS = ["models/cognito-identity-provider.openapi.yaml", "test/openapi/fixtures/params.yaml"] as const;

/** npm run test:prism adds these of ours. */
export const MORE_OWN_DOCUMENTS = ["test/openapi/fixtures/wire.yaml", "test/openapi/fixtures/bodies.yaml"] as const;

/**
 * npm run test:prism: the quick ones and more (each with 0 unlisted violations when added): more
 * Twilio forms, Adyen (3.1, JSON bodies with required properties), VTEX (many headers, CSV
 * bodies), Orthanc (291 operations, text bodies), Budapest's BKK (form-style query arrays),
 * Marketcheck (hundreds of query parameters), Twilio Conversations (101 operations of forms with
 * arrays), Clever Cloud (324 operations, GET bodies), GitHub (845 operations); from the corpus
 * sweep (npm run test:prism-corpus: clean, loading in seconds): api.video (optional multipart
 * uploads whose schema requires the file: no body when it is unset), Google's Logging and Cloud
 * KMS (`:verb` suffixes after a path parameter, `/v1/{resource}:testIamPermissions`), OnSched
 * (a requestBody of four JSON media types), LetMC and Opendatasoft (many path and query
 * parameters, shared by `$ref`), BC's router (a parameter inside a segment,
 * `/directions.{outputFormat}`). Zoom and Vercel are left out: their enums of
 * numbers on string schemas and nested required properties give inputs the model cannot make
 * valid (test/prism/known.ts CORPUS_KNOWN lists them for the sweep); Stripe does not load in Prism
 * within minutes.
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
  "twilio.com__twilio_conversations_v1.json.gz",
  "clever-cloud.com.json.gz",
  "github.com__api.github.com.json.gz",
  "api.video.json.gz",
  "googleapis.com__logging.json.gz",
  "googleapis.com__cloudkms.json.gz",
  "letmc.com__free-tier.json.gz",
  "onsched.com__consumer.json.gz",
  "opendatasoft.com.json.gz",
  "gov.bc.ca__router.json.gz",
] as const;
