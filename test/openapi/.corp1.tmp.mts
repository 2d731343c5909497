import { sweepDocument } from "/work/main/test/openapi/corpus.js";
for (const f of process.argv.slice(2)) { const r = await sweepDocument(f); console.log(f, r.outcome, r.ms.toFixed(0), JSON.stringify(r.errors).slice(0, 300), r.typeErrors.slice(0, 5)); }
