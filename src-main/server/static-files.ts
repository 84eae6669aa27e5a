import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { mimeTypeFor, rendererHeaders, resolveRendererFile } from '../core/renderer-files.js';

/** Sends a built renderer file, or a 404; never anything outside `root`. Same rules as the desktop app's app://. */
export function sendStaticFile(root: string, urlPath: string, res: ServerResponse, headOnly: boolean): void {
  const file = resolveRendererFile(root, urlPath);
  const size = file ? fileSize(file) : null;
  if (!file || size === null) {
    res.writeHead(404, rendererHeaders('text/plain; charset=utf-8')).end('Not found');
    return;
  }
  res.writeHead(200, { ...rendererHeaders(mimeTypeFor(file)), 'content-length': size });
  if (headOnly) res.end();
  else createReadStream(file).pipe(res);
}

function fileSize(file: string): number | null {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}
