import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDocument } from '../shared/audit';
import { parseHtmlDocument } from '../extension/cli/parse';
const dir = process.argv[2] ?? '/tmp/holdout';
let total = 0, right = 0, presTotal = 0, presRight = 0;
const present = (s: string) => s === 'pass';
for (const f of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
  const exp = JSON.parse(readFileSync(join(dir, f.replace(/\.html$/, '.expected.json')), 'utf8'));
  const r = auditDocument(parseHtmlDocument(readFileSync(join(dir, f), 'utf8')));
  if (exp.unscannable) { console.log(f, r.status === 'unscannable' ? 'ok: unscannable' : 'WRONG: audited a non-procedure page'); continue; }
  if (r.status !== 'audited') { console.log(f, 'UNSCANNABLE'); total += 14; continue; }
  for (const res of r.results) {
    const want = exp.elements[res.id]; total++; if (want === res.status) right++; else console.log(`${f}  ${res.id}: want ${want} got ${res.status}  ${JSON.stringify((res.value ?? res.reason.id).slice(0, 90))}`);
    // Presence: pass means present; fail and na mean absent; review is counted right when the engine also says review.
    presTotal++; if (want === 'review' ? res.status === 'review' : present(want) === res.present) presRight++;
  }
  if (exp.procedure.code && r.procedure.code !== exp.procedure.code) console.log(`${f}  CODE want ${exp.procedure.code} got ${r.procedure.code}`);
  if (exp.procedure.name && r.procedure.name !== exp.procedure.name) console.log(`${f}  NAME want ${exp.procedure.name} got ${r.procedure.name}`);
  for (const [id, st] of Object.entries(exp.findings ?? {})) { const got = r.findings.find((x) => x.id === id)?.status; if (got !== st) console.log(`${f}  FINDING ${id} want ${st} got ${got}`); }
}
console.log(`status agreement ${right}/${total} = ${(100 * right / total).toFixed(1)}%; presence decisions right ${presRight}/${presTotal} = ${(100 * presRight / presTotal).toFixed(1)}%`);
