// Reading an OpenAI-style request: its bearer key and its JSON body, with the size limit, answered in
// the shapes the endpoint turns into OpenAI errors. The checks themselves are http/request-guards.ts.
import type { IncomingMessage } from 'node:http';
import { bearerOf, readBodyText, secretMatches } from '../http/request-guards.js';

/** The largest request body the endpoint reads: 1 MiB. */
export const API_MAX_BODY_BYTES = 1024 * 1024;

/** Whether `Authorization` carries `Bearer expected` (spaces around the key forgiven); constant-time. */
export function bearerMatches(expected: string, header: string | undefined): boolean {
  return secretMatches(expected, bearerOf(header)?.trim() ?? null);
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/** The parsed JSON body, or why not: 413 over the limit (declared or read), 400 when it is not JSON. */
export async function readJsonBody(req: IncomingMessage, maxBytes = API_MAX_BODY_BYTES): Promise<BodyResult> {
  const text = await readBodyText(req, maxBytes);
  if (text === null) return { ok: false, status: 413, message: `The request is too large (${maxBytes / (1024 * 1024)} MiB at most).` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'We could not parse the JSON body of your request. Send a valid JSON object.' };
  }
}
