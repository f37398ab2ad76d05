// How Azurite's CPU per write grows with the rows its table holds (docs/performance.md, "Azurite's cost grows with its
// tables"). It writes what a CoachBot turn writes (a new turn row and the rep's state row, one transaction) against a
// table that fills up as it goes, and prints Azurite's CPU per transaction at each size. Usage, with an in-memory
// Azurite on a free port and its process id:
//   node bench/azurite-ops/growth.js <table port> <azurite pid>
// Needs the reference bot's packages (npm ci --prefix bench/reference-bot). Ignore the first line (V8 warming up).
const path = require('path');
const fs = require('fs');
const { TableClient, AzureNamedKeyCredential } = require(path.join(__dirname, '..', 'reference-bot', 'node_modules', '@azure', 'data-tables'));
const [,, port, pid] = process.argv;
const cred = new AzureNamedKeyCredential('devstoreaccount1', 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==');
const t = new TableClient(`http://127.0.0.1:${port}/devstoreaccount1`, 'growth', cred, { allowInsecureConnection: true });
const cpuMs = () => { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (+f[11] + +f[12]) * 10; };
const text = 'x'.repeat(600);
const reps = 1024, probe = 3000, inFlight = 8;
let seq = 0;
async function run(n, op) {
  let i = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => { while (i < n) { i++; await op(); } }));
}
async function turn() {
  const s = seq++, u = s % reps;
  await t.submitTransaction([
    ['create', { partitionKey: 'p' + u, rowKey: 't' + s, Text: text, Bot: text }],
    ['upsert', { partitionKey: 'p' + u, rowKey: 'state', State: text }, 'Replace'],
  ]);
}
(async () => {
  await t.createTable().catch(() => {});
  for (const size of [3000, 6000, 20000, 40000, 80000, 120000]) {
    if (seq < size - probe) await run(size - probe - seq, turn);
    const before = cpuMs();
    await run(probe, turn);
    console.log(`${seq} rows: ${((cpuMs() - before) / probe).toFixed(3)} ms Azurite CPU per turn transaction`);
  }
})();
