// Asks the server about a model file before the downloader starts, with one ranged request for its
// first byte. node-llama-cpp's downloader (ipull) retries a refused connection, a 404 or a 5xx up to
// 150 times on its own; this names the cause at once (a 5xx after a few quick retries, since a
// server may fail for a moment), and learns the file's size (for the free-space check) and the hash
// the hub publishes for it. It downloads nothing.
import { ModelsError } from './models-error.js';

export interface ProbeResult {
  totalBytes: number | null;
  /** The SHA-256 the hub publishes (Hugging Face's X-Linked-Etag on LFS files), or null. */
  publishedSha256: string | null;
}

/** How often a server answering 5xx is asked again before the download fails, and the pause before each. */
export const SERVER_ERROR_RETRIES = [500, 1000] as const;

/** Probes `url`; throws a ModelsError naming the cause (no network, 404, 5xx, no answer) and what to do. */
export async function probeModelFile(url: string, fileName: string, timeoutMs: number, retryDelaysMs: readonly number[] = SERVER_ERROR_RETRIES): Promise<ProbeResult> {
  const host = new URL(url).host;
  let response = await askFirstByte(url, host, timeoutMs);
  for (const delay of retryDelaysMs) {
    if (response.status < 500) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
    response = await askFirstByte(url, host, timeoutMs);
  }
  if (response.status === 404 || response.status === 410) {
    throw new ModelsError(
      'download_failed',
      `The model server ${host} has no file ${fileName} (HTTP ${response.status}). The catalog or the mirror setting may be out of date: check the mirror address in Settings, or choose another model.`,
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new ModelsError(
      'download_failed',
      `The model server ${host} refused to send ${fileName} (HTTP ${response.status}). The file may need an account or be blocked by your network: ask your administrator, or choose another model.`,
    );
  }
  if (response.status >= 500) throw serverError(host, response.status);
  if (!response.ok) {
    throw new ModelsError('download_failed', `The model server ${host} answered HTTP ${response.status} for ${fileName}. Try again later, or choose another model.`);
  }
  return { totalBytes: totalFrom(response), publishedSha256: publishedHash(response) };
}

/** One ranged request for the first byte; the body is not read. */
async function askFirstByte(url: string, host: string, timeoutMs: number): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { range: 'bytes=0-0' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw networkError(error, host);
  }
  await response.body?.cancel().catch(() => undefined);
  return response;
}

/** The error for a server that answers 5xx. */
export function serverError(host: string, status: number): ModelsError {
  return new ModelsError('download_failed', `The model server ${host} is failing (HTTP ${status}). The download keeps what it has: try again in a few minutes.`);
}

/** The error for a request that never reached the server or got no answer. */
export function networkError(error: unknown, host: string): ModelsError {
  const cause = (error as { cause?: { code?: string } })?.cause?.code ?? (error as { name?: string })?.name;
  if (cause === 'TimeoutError' || cause === 'UND_ERR_CONNECT_TIMEOUT' || cause === 'UND_ERR_HEADERS_TIMEOUT') {
    return new ModelsError('download_failed', `The model server ${host} did not answer. Check your network connection, then try again.`);
  }
  const what =
    cause === 'ENOTFOUND' || cause === 'EAI_AGAIN'
      ? 'its name could not be resolved'
      : cause === 'ECONNREFUSED'
        ? 'the connection was refused'
        : `the connection failed (${cause ?? 'network error'})`;
  return new ModelsError(
    'download_failed',
    `Could not reach the model server ${host}: ${what}. Check your network connection (or the mirror address in Settings), then try again.`,
  );
}

function totalFrom(response: Response): number | null {
  const range = response.headers.get('content-range');
  const match = range ? /\/(\d+)$/.exec(range) : null;
  if (match) return Number(match[1]);
  const length = response.headers.get('content-length');
  return response.status === 200 && length ? Number(length) : null;
}

function publishedHash(response: Response): string | null {
  const tag = (response.headers.get('x-linked-etag') ?? '').replace(/^W\//, '').replaceAll('"', '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(tag) ? tag : null;
}
