// Azurite's own CPU per table operation, for the shapes CoachBot and the reference bot send (docs/performance.md,
// "What Azurite charges per request"). Usage, with an in-memory Azurite on a free port and its process id:
//   node bench/azurite-ops/bench.js <table port> <azurite pid>
// Needs the reference bot's packages (npm ci --prefix bench/reference-bot). Each shape runs 3,000 times at 8 in
// flight, twice: trust the second round (the first includes V8 warming up).
const { TableClient, AzureNamedKeyCredential } = require(require('path').join(__dirname, '..', 'reference-bot', 'node_modules', '@azure', 'data-tables'));
const fs = require('fs');
const [,, port, pid] = process.argv;
const cred = new AzureNamedKeyCredential('devstoreaccount1', 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==');
const t = new TableClient(`http://127.0.0.1:${port}/devstoreaccount1`, 'bench', cred, { allowInsecureConnection: true });
const cpu = () => { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (+f[11] + +f[12]) * 10; };
const text = 'x'.repeat(600);
async function phase(name, n, conc, op) {
  let i = 0; const c0 = cpu(); const t0 = Date.now();
  await Promise.all(Array.from({ length: conc }, async () => { while (i < n) { const k = i++; await op(k); } }));
  const ms = cpu() - c0; console.log(`${name}: ${(ms / n).toFixed(3)} ms Azurite CPU per op, ${(n / ((Date.now() - t0) / 1000)).toFixed(0)} ops/s`);
}
(async () => {
  await t.createTable().catch(() => {});
  const users = 256;
  for (let u = 0; u < users; u++) await t.upsertEntity({ partitionKey: 'p' + u, rowKey: 'state', State: text }, 'Replace');
  const N = 3000, C = 8;
  for (let round = 0; round < 2; round++) {
  let etags = {};
  await phase('GET state', N, C, async k => { const e = await t.getEntity('p' + (k % users), 'state'); etags[k % users] = e.etag; });
  await phase('PUT state (replace, If-Match)', N, C, async k => { const u = k % users; const r = await t.updateEntity({ partitionKey: 'p' + u, rowKey: 'state', State: text }, 'Replace', { etag: etags[u] }).catch(async e => { const g = await t.getEntity('p'+u,'state'); etags[u]=g.etag; return g; }); if (r.etag) etags[u] = r.etag; });
  await phase('POST insert turn', N, C, async k => { await t.createEntity({ partitionKey: 'p' + (k % users), rowKey: 'i' + k + 'r' + round, Text: text, Bot: text }); });
  await phase('$batch insert+replace', N, C, async k => { const u = k % users; await t.submitTransaction([['create', { partitionKey: 'p' + u, rowKey: 'b' + k + 'r' + round, Text: text, Bot: text }], ['upsert', { partitionKey: 'p' + u, rowKey: 'state', State: text }, 'Replace']]); });
  await phase('$batch insert+replace+upsert ref', N, C, async k => { const u = k % users; await t.submitTransaction([['create', { partitionKey: 'p' + u, rowKey: 'c' + k + 'r' + round, Text: text, Bot: text }], ['upsert', { partitionKey: 'p' + u, rowKey: 'state', State: text }, 'Replace'], ['upsert', { partitionKey: 'p' + u, rowKey: 'ref', A: 'https://smba.trafficmanager.net/teams/', B: 'x'.repeat(100) }, 'Replace']]); });
  await phase('$batch 1 insert', N, C, async k => { const u = k % users; await t.submitTransaction([['create', { partitionKey: 'p' + u, rowKey: 'd' + k + 'r' + round, Text: text, Bot: text }]]); });
  }
})();
