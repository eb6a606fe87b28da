// `pnpm start`: build the client and compile the server when either is missing or older than its
// sources, then run the compiled server (plain JavaScript, no TypeScript at run time).
import { pathToFileURL } from 'node:url';
import { freshClient, freshServer } from './fresh.mjs';

await freshClient();
const { main } = await freshServer();
// Stack traces in the logs name the TypeScript sources, not the bundle's lines.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(main).href);
