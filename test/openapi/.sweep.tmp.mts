import { corpusDocuments, sweepDocument } from "./corpus.js";
const files = process.argv.length > 2 ? process.argv.slice(2) : corpusDocuments();
const counts = { generated: 0, rejected: 0, crashed: 0 };
for (const f of files) {
  const r = await sweepDocument(f);
  counts[r.outcome]++;
  if (r.outcome !== "generated" || r.typeErrors.length > 0 || r.ms > 5000) console.log(f, r.outcome, r.ms.toFixed(0), JSON.stringify(r.errors).slice(0, 400), r.typeErrors.slice(0, 3));
}
console.log(`openapi corpus: ${counts.generated} generated, ${counts.rejected} rejected, ${counts.crashed} crashed`);
