import { pino } from 'pino';
import { createApp } from './app';
import { loadConfig } from './config';

const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'samskapa' } });

let config;
try {
  config = loadConfig(process.env);
} catch (err) {
  log.fatal((err as Error).message);
  process.exit(2);
}

const app = createApp(config, log);
const port = await app.listen();
log.info({ port, host: config.HOST, dataDir: config.DATA_DIR }, 'listening');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: persisting every room');
  const force = setTimeout(() => {
    log.error('shutdown took longer than 10 s; exiting');
    process.exit(1);
  }, 10_000);
  try {
    await app.close();
    clearTimeout(force);
    log.info('stopped');
    process.exit(0);
  } catch (err) {
    log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
