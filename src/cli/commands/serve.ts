/**
 * `alliances serve`: the web app and its JSON API on a local port, over the runs of the database.
 */
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { AlliancesError } from '../../common/errors.js';
import { resolveDbPath } from '../../store/store.js';
import { startServer } from '../../server/serve.js';
import { parseIntegerOption } from '../io.js';

/** Opens `url` in the desktop's browser, if there is one; failing to is not an error. */
function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`could not open a browser; visit ${url}\n`));
  child.unref();
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and its JSON API over the stored runs (127.0.0.1 by default)')
    .option('--db <path>', 'database file (default: $ALLIANCES_DB or ./alliances.db)')
    .option('--port <n>', 'port to listen on (0: any free port)', '4173')
    .option(
      '--host <address>',
      'address to listen on; anything but 127.0.0.1 is reachable by others',
      '127.0.0.1',
    )
    .option('--open', 'open the app in the browser')
    .option('--read-only', 'refuse every request that would store something')
    .action(async (opts: { db?: string; port: string; host: string; open?: boolean; readOnly?: boolean }) => {
      const port = parseIntegerOption('--port', opts.port, 0);
      const dbPath = resolveDbPath(opts.db);
      const server = await startServer({
        dbPath,
        port,
        host: opts.host,
        readOnly: opts.readOnly === true,
      }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE' || err.code === 'EADDRNOTAVAIL' || err.code === 'EACCES')
          throw new AlliancesError('io', `cannot listen on ${opts.host}:${port}: ${err.code}`, 1);
        throw err;
      });
      process.stdout.write(
        `Alliances is served at ${server.url} (database ${dbPath}${opts.readOnly ? ', read-only' : ''}); Ctrl-C stops it\n`,
      );
      if (opts.open) openBrowser(server.url);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
