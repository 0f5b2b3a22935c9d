// The busy county's probe (bench/busy-county.ts), on an event loop of its own and with a lean client
// (node:http with keep-alive, as autocannon's readers): in the bench's main thread its requests
// waited behind autocannon's twenty connections' callbacks, and fetch() adds 2–3 ms a request of
// its own (warm reads from an idle server: fetch 4.0–5.5 ms, node:http 2.3 ms).
// Once a second: read the probe unit's figures, register a dispute there, time the next read of the
// figures (which must count it) and the same read once more (what any read waits in the queue).
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';

const { base, cookie, csrf, year, unitCode, unitId, today } = workerData;
let stop = false;
parentPort.on('message', (message) => message === 'stop' && (stop = true));

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function api(method, path, body) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers = { cookie, 'accept-encoding': 'br, gzip', ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...(method === 'POST' ? { 'x-csrf-token': csrf } : {}) };
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/api/v1${path}`, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const text = (encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        resolve({ status: res.statusCode, json: text ? JSON.parse(text) : null });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const figure = async () => (await api('GET', `/indicators?year=${year}&unit=${unitCode}`)).json.indicators['mediation.disputes'];

const probes = [];
try {
  while (!stop) {
    const before = await figure();
    const created = await api('POST', '/disputes', { unitId, type: '邻里纠纷', parties: '甲某与乙某', summary: '负载测试登记的纠纷。', receivedDate: today, channel: 'people', mediators: '张调解员' });
    if (created.status !== 201) throw new Error(`probe write failed: ${created.status} ${JSON.stringify(created.json)}`);
    let started = performance.now();
    const after = await figure();
    const ms = performance.now() - started;
    started = performance.now();
    await figure();
    probes.push({ ms, fresh: after === before + 1, again: performance.now() - started });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  parentPort.postMessage({ probes });
} catch (error) {
  parentPort.postMessage({ error: String(error?.stack ?? error) });
}
