/**
 * Starts the server of `alliances serve`: the API (./app.ts) and the built web app (dist/web, read
 * into memory once), on 127.0.0.1 unless told otherwise.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Store } from '../index.js';
import { createApp } from './app.js';

export interface ServeOptions {
  readonly dbPath: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly host: string;
  readonly readOnly?: boolean;
  /** The built app's folder (default: dist/web beside this module's dist/src). */
  readonly webDir?: string;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export function defaultWebDir(): string {
  return fileURLToPath(new URL('../../web/', import.meta.url));
}

/** Every file of the built app by its URL path, read once: requests never reach the file system. */
export function readWebFiles(dir: string): Map<string, { body: Uint8Array; type: string }> {
  const files = new Map<string, { body: Uint8Array; type: string }>();
  if (!existsSync(dir)) return files;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        files.set(`/${relative(dir, path).split(sep).join('/')}`, {
          body: readFileSync(path),
          type: TYPES[extname(name)] ?? 'application/octet-stream',
        });
    }
  };
  walk(dir);
  return files;
}

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = Store.open(options.dbPath);
  const files = readWebFiles(options.webDir ?? defaultWebDir());
  const { app, close } = createApp({
    store,
    dbPath: options.dbPath,
    host: options.host,
    readOnly: options.readOnly === true,
    files,
  });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}/`,
          close: async () => {
            await close();
            await new Promise<void>((done) => {
              server.close(() => done());
              // Streams of progress held open by clients end with the server.
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            });
            store.close();
          },
        });
      },
    );
    server.on('error', (err) => {
      store.close();
      reject(err);
    });
  });
}
