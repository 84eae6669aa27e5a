// What every HTTP server of Duet checks before it reads a request: the Host is a loopback name, the
// secret matches without leaking its bytes through timing, and the body stays under a size limit.
// Shared by the browser bridge (server/) and the OpenAI-compatible endpoint (openai/).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when a `Host` header names this computer: a page reaching 127.0.0.1 through its own DNS name (rebinding) is not. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return LOOPBACK_HOSTS.has(name ?? '');
}

/** The token of an `Authorization: Bearer …` header; null without one. */
export function bearerOf(header: string | undefined): string | null {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

/** Constant-time comparison, so a secret cannot be guessed byte by byte from response times. */
export function secretMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The body as text, or null when it is over `maxBytes` (declared or read). A body that is too large is
 * still read to its end (or drained), so the client gets the server's answer rather than a reset connection.
 */
export async function readBodyText(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBytes ? null : Buffer.concat(chunks).toString('utf8');
}
