import type { Result } from '../../src-main/contract/envelope.js';
import type { ImportSummary } from '../../src-main/contract/history-entities.js';
import { HTTP_UPLOAD_IMPORT } from '../../src-main/contract/transport.js';
import { failure, isEnvelope } from './client.js';

/**
 * Uploads a history file to the HTTP bridge as the raw body: the browser streams it from disk and
 * Duet writes it to its data folder as it arrives, so neither side holds a 60 MiB file in a string.
 */
export async function uploadImport(token: string | null, file: File): Promise<Result<ImportSummary>> {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${HTTP_UPLOAD_IMPORT}?fileName=${encodeURIComponent(file.name)}`, { method: 'POST', headers, body: file });
  } catch {
    return failure(`Duet did not receive ${file.name}: the connection to Duet was lost. Check that Duet is still running, then import again.`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure(`Duet's core gave an unreadable answer (HTTP ${response.status}). Try again; restart Duet if it keeps happening.`);
  }
  return isEnvelope(body) ? (body as Result<ImportSummary>) : failure(`Duet's core gave an unexpected answer (HTTP ${response.status}). Try again.`);
}
