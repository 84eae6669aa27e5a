// Reading an OpenAI-style request: its bearer key and its JSON body, with the size limit.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The largest request body the endpoint reads: 1 MiB. */
export const API_MAX_BODY_BYTES = 1024 * 1024;

/** Whether `Authorization` carries `Bearer expected`; constant-time, so the key cannot be guessed byte by byte. */
export function bearerMatches(expected: string, header: string | undefined): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(header.slice('Bearer '.length).trim());
  return a.length === b.length && timingSafeEqual(a, b);
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/** The parsed JSON body, or why not: 413 over the limit (declared or read), 400 when it is not JSON. */
export async function readJsonBody(req: IncomingMessage, maxBytes = API_MAX_BODY_BYTES): Promise<BodyResult> {
  const tooLarge: BodyResult = { ok: false, status: 413, message: `The request is too large (${maxBytes / (1024 * 1024)} MiB at most).` };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return tooLarge;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large, so the client gets our answer rather than a reset connection.
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  if (size > maxBytes) return tooLarge;
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'We could not parse the JSON body of your request. Send a valid JSON object.' };
  }
}
