import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployMigrations } from '../lib/db/migrations';
import { startEmbeddedMeili, findFreePort } from '../lib/search/embedded-server';
import { buildStaleReason, ensureBuilt, startNext } from './lib/next-app';
console.log('stale?', buildStaleReason());
let t = Date.now();
await ensureBuilt({ logFile: '/tmp/zz-build.log', onBuild: (r) => console.log('building', r) });
console.log('build', Date.now() - t, 'ms; stale now?', buildStaleReason());
const dir = mkdtempSync(path.join(tmpdir(), 'zz-'));
const url = `pglite:${dir}/db`;
t = Date.now(); await deployMigrations(url); console.log('migrate', Date.now() - t);
const meili = await startEmbeddedMeili({ dataDir: `${dir}/meili` });
const port = await findFreePort();
t = Date.now();
const server = await startNext({ port, env: { DATABASE_URL: url, MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey }, logFile: '/tmp/zz-next.log' });
console.log('server', server.url, Date.now() - t, 'pid', server.pid);
for (let i = 0; i < 3; i++) { const r = await fetch(`${server.url}/api/health`); console.log(r.status, r.headers.get('cache-control'), await r.text()); }
await meili.stop();
{ const r = await fetch(`${server.url}/api/health`); console.log('meili stopped:', r.status, await r.text()); }
await server.stop();
console.log('stopped');
