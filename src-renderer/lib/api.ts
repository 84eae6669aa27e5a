import type { DuetClient } from './client.js';
import { createIpcClient } from './ipc-client.js';
import { createHttpClient, takeToken } from './http-client.js';

export type { DuetClient } from './client.js';

/** Electron's preload when it is there, otherwise the HTTP bridge of `npm run serve`. */
function pickClient(): DuetClient {
  if (window.duet) return createIpcClient(window.duet);
  return createHttpClient(takeToken());
}

/** The one API the renderer uses; components never know which transport is behind it. */
export const api: DuetClient = pickClient();
