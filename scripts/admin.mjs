// `pnpm admin <command>`: the compiled admin command, compiled first when missing or stale. Messages about
// compiling go to standard error: standard output may be an export or a JSON listing.
import { pathToFileURL } from 'node:url';
import { freshServer } from './fresh.mjs';

const { cli } = await freshServer(console.error);
process.setSourceMapsEnabled(true);
await import(pathToFileURL(cli).href);
