// Composition root: read the config, start the server, print where it is, stop cleanly on signals.
import pino from 'pino';
import { loadConfig } from './config.ts';
import { DEMO_LOGIN, DEMO_WORKSPACE_NAME } from './demo/seed.ts';
import { startServer } from './server.ts';

const config = loadConfig();
const log = pino({ level: config.logLevel });
const running = await startServer(config, log);
const where = config.publicUrl?.origin ?? running.url;
log.info({ url: where, dataDir: config.dataDir }, 'Soplan is running');
console.log(`\n  Soplan: ${where}   (data in ${config.dataDir})`);
if (config.demo) {
  console.log(`  Demo workspace «${DEMO_WORKSPACE_NAME}»: log in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  console.log('  (demo mode; set SOPLAN_DEMO=0 for a real deployment)\n');
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void running.close().then(() => process.exit(0));
  });
}
