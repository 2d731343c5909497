// The corpus documents the swagger-client oracle runs over (npm run test:openapi-wire), and the
// few `npm test` runs on every change. Chosen for what they exercise: Stripe (form bodies,
// deepObject everywhere, a multipart upload), GitHub and Kubernetes (size; path, query and
// header parameters), Twilio (form bodies without Encoding Objects), Vercel, Clever Cloud
// (`*/*` bodies, templates without parameters), Zoom, DocuSign and others (multipart, JSON).
// api.video and codat.io are left out: our front end rejects them (test/openapi/corpus.test.ts).

export const WIRE_DOCUMENTS = [
  "stripe.com.json.gz",
  "github.com__api.github.com.json.gz",
  "kubernetes.io.json.gz",
  "twilio.com__twilio_conversations_v1.json.gz",
  "twilio.com__twilio_accounts_v1.json.gz",
  "twilio.com__twilio_insights_v1.json.gz",
  "twilio.com__twilio_bulkexports_v1.json.gz",
  "twilio.com__twilio_chat_v3.json.gz",
  "nexmo.com__sms.json.gz",
  "vercel.com.json.gz",
  "mailchimp.com.json.gz",
  "clever-cloud.com.json.gz",
  "docusign.net.json.gz",
  "orthanc-server.com.json.gz",
  "dracoon.team.json.gz",
  "hillbillysoftware.com__shinobi.json.gz",
  "visagecloud.com.json.gz",
  "rev.ai.json.gz",
  "surevoip.co.uk.json.gz",
  "apigee.net__marketcheck-cars.json.gz",
  "zoom.us.json.gz",
  "azure.com__logic.json.gz",
  "xkcd.com.json.gz",
] as const;

/** Small documents with form bodies, a multipart body and path/query/header parameters: npm test. */
export const QUICK_DOCUMENTS = ["twilio.com__twilio_accounts_v1.json.gz", "twilio.com__twilio_bulkexports_v1.json.gz", "nexmo.com__sms.json.gz", "rev.ai.json.gz", "xkcd.com.json.gz"] as const;
