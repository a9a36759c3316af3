import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { findElectronBinary } from '../../main/launch/electron-binary';
import { defaultDataDir, startWebEdition } from '../../main/launch/web-edition';
import { CliError } from '../cli-error';
import { ensureWebEdition, run } from '../web-edition-build';
import type { Command } from '../command';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0–65535; got "${raw}".`);
  return port;
}

/** `penholder start`: the desktop app where Electron is present, else the web edition on an embedded store. */
export const start: Command = {
  summary: 'Start the desktop app (or, without the Electron binary, the web edition with a demo negotiation)',
  usage: [
    'penholder start [--web] [--data DIR] [--port P] [--host 127.0.0.1] [--static DIR] [--no-build]',
    '',
    '  --web       serve the web edition even where Electron is present',
    '  --data DIR  the web edition\'s data directory (env PENHOLDER_DATA; default ~/.penholder)',
    '  --port P    port of the web edition, 0 for any free one (env PENHOLDER_PORT; default 1234)',
    '  --host H    address to listen on (default 127.0.0.1; 0.0.0.0 for the room\'s network)',
    '  --static D  serve the web edition from D instead of renderer/dist',
    '  --no-build  do not build renderer/dist when it is missing',
    '',
    'With the Electron binary (node_modules/electron/dist), launches the app on the built main process',
    '(main/dist/main.js). Without it, serves the renderer as the web edition from a local sync server',
    'on an embedded store holding a demo negotiation, and prints the address and join links.',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, options: { web: { type: 'boolean' }, data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, static: { type: 'string' }, 'no-build': { type: 'boolean' } } });
    const electron = values.web ? ({ found: false, reason: '--web was given' } as const) : findElectronBinary();
    if (electron.found) {
      // The bundles take a second: always rebuilt, so that the app never runs a stale main or preload.
      const { bundleMain } = await import('../../main/bundle');
      await bundleMain(root);
      await ensureWebEdition(root, { noBuild: values['no-build'] ?? false });
      console.log(`Starting Penholder (Electron ${electron.path}).`);
      const env = { ...process.env };
      delete env.ELECTRON_RUN_AS_NODE;
      return run(electron.path, [root], { cwd: root, env });
    }

    const staticDir = values.static ? path.resolve(values.static) : await ensureWebEdition(root, { noBuild: values['no-build'] ?? false });
    const dataDir = path.resolve(values.data ?? defaultDataDir());
    const host = values.host ?? process.env.PENHOLDER_HOST ?? '127.0.0.1';
    const logger = pino({ level: process.env.PENHOLDER_LOG_LEVEL ?? 'warn' }, pino.destination(2));
    const port = parsePort(values.port ?? process.env.PENHOLDER_PORT ?? '1234');
    const web = await startWebEdition({ dataDir, port, host, staticDir, logger }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliError(`port ${port} on ${host} is in use (another Penholder?); try --port 0 for any free port.`);
      throw error;
    });
    console.log(`Electron was not started: ${electron.reason}.`);
    console.log('Serving the same renderer as the web edition instead, from a local sync server on an embedded store.');
    console.log(`\nPenholder web edition: ${web.server.url}`);
    console.log(`Data directory: ${web.dataDir}${web.created ? ' (demo negotiation created)' : ''}`);
    console.log(`\nCo-facilitator join link:\n  ${web.links.cofacilitator}`);
    console.log(`Delegation (${web.links.delegation.name}) join link:\n  ${web.links.delegation.url}`);
    console.log('\nStop with Ctrl+C; everything is kept in the data directory.');
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        void web.server.close().then(resolve);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    return 0;
  },
};
