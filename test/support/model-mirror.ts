// A Hugging Face-like model mirror on 127.0.0.1 for download tests: serves files under
// `/<user>/<repo>/resolve/main/<file>` with Range support and the hub's `X-Linked-Etag` hash header,
// and faults a test switches on: drop the connection halfway, corrupt a byte, 404, 500, stall.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

export type MirrorFault =
  | { kind: 'none' }
  /** Sends the first `afterBytes` of a body, then destroys the socket; `times` bodies are cut, then it recovers. */
  | { kind: 'drop'; afterBytes: number; times: number }
  /** Flips one byte at `offset` in every body it serves (the hash header stays the true file's). */
  | { kind: 'corrupt'; offset: number }
  | { kind: 'status'; status: 404 | 500 | 503 }
  /** Sends the headers and the first `afterBytes` bytes, then nothing more, keeping the socket open. */
  | { kind: 'stall'; afterBytes: number }
  /** Like 'stall', but only bodies whose range starts at 0: resumed (ranged) requests are served in full. */
  | { kind: 'stall-first'; afterBytes: number }
  /** Sends bodies in pieces of `pieceBytes`, one every `everyMs` (a slow line). */
  | { kind: 'slow'; pieceBytes: number; everyMs: number };

export interface MirrorFile {
  /** `<user>/<repo>/<file>`, as in an `hf:` URI. */
  repoPath: string;
  bytes: Buffer;
  /** Sent as X-Linked-Etag; defaults to the file's SHA-256, null sends none. */
  publishedSha256?: string | null;
}

export interface ModelMirror {
  /** The base URL to use as the hub endpoint, with a trailing slash. */
  url: string;
  fault: MirrorFault;
  /** Body bytes sent per request, in order, with the range asked for. */
  readonly requests: { path: string; range: string | null; method: string }[];
  close(): Promise<void>;
}

/** The SHA-256 of a buffer as lower-case hex. */
export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a file for the mirror. */
export function mirrorFile(repoPath: string, file: string, publishedSha256?: string | null): MirrorFile {
  return { repoPath, bytes: readFileSync(file), publishedSha256 };
}

/** Starts a mirror serving `files`; close() ends every open connection. */
export async function startModelMirror(files: MirrorFile[]): Promise<ModelMirror> {
  const byPath = new Map<string, MirrorFile>();
  for (const file of files) {
    const [user, repo, ...rest] = file.repoPath.split('/');
    byPath.set(`/${user}/${repo}/resolve/main/${rest.join('/')}`, file);
  }
  const sockets = new Set<Socket>();
  let dropsLeft = 0;
  const mirror: ModelMirror = {
    url: '',
    fault: { kind: 'none' },
    requests: [],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  let lastFault: MirrorFault = mirror.fault;

  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const fault = mirror.fault;
    if (fault !== lastFault) {
      lastFault = fault;
      dropsLeft = fault.kind === 'drop' ? fault.times : 0;
    }
    const pathname = new URL(req.url ?? '/', 'http://mirror').pathname;
    const range = req.headers.range ?? null;
    mirror.requests.push({ path: pathname, range, method: req.method ?? 'GET' });
    if (fault.kind === 'status') {
      res.writeHead(fault.status, { 'content-type': 'text/plain' }).end(`error ${fault.status}`);
      return;
    }
    const file = byPath.get(decodeURIComponent(pathname));
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Entry not found');
      return;
    }
    let body = file.bytes;
    if (fault.kind === 'corrupt') {
      body = Buffer.from(body);
      body[fault.offset] = body[fault.offset]! ^ 0xff;
    }
    const total = body.length;
    let start = 0;
    let end = total - 1;
    const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
    const headers: Record<string, string | number> = {
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
    };
    const published = file.publishedSha256 === undefined ? sha256Of(file.bytes) : file.publishedSha256;
    if (published) headers['x-linked-etag'] = `"${published}"`;
    let status = 200;
    if (match) {
      start = match[1] ? Number(match[1]) : total - Number(match[2]);
      end = match[1] && match[2] ? Math.min(Number(match[2]), total - 1) : total - 1;
      if (start >= total || start > end) {
        res.writeHead(416, { 'content-range': `bytes */${total}` }).end();
        return;
      }
      status = 206;
      headers['content-range'] = `bytes ${start}-${end}/${total}`;
    }
    headers['content-length'] = end - start + 1;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const slice = body.subarray(start, end + 1);
    const stallAt = fault.kind === 'stall' || (fault.kind === 'stall-first' && start === 0) ? fault.afterBytes : null;
    if (stallAt !== null && slice.length > stallAt) {
      res.write(slice.subarray(0, stallAt)); // then nothing: the socket stays open until close()
      return;
    }
    if (fault.kind === 'drop' && dropsLeft > 0 && slice.length > fault.afterBytes) {
      dropsLeft -= 1;
      res.write(slice.subarray(0, fault.afterBytes), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    if (fault.kind === 'slow') {
      let at = 0;
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        const piece = slice.subarray(at, at + fault.pieceBytes);
        at += piece.length;
        if (at >= slice.length) {
          clearInterval(timer);
          res.end(piece);
        } else res.write(piece);
      }, fault.everyMs);
      res.on('close', () => clearInterval(timer));
      return;
    }
    res.end(slice);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return mirror;
}
