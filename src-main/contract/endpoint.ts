import { z } from 'zod';

/** The port Duet's OpenAI-compatible endpoint listens on unless the user picks another. */
export const DEFAULT_API_PORT = 4311;

/** An allowed web origin: scheme, host and port only, as browsers send it in `Origin`. */
const Origin = z
  .string()
  .max(300)
  .regex(/^https?:\/\/[^/\s?#]+$/, 'Enter an origin such as http://localhost:3000 (no path).');

/** The OpenAI-compatible endpoint other apps on this computer use (`/v1` on 127.0.0.1). */
export const ApiSettings = z.object({
  enabled: z.boolean(),
  port: z.number().int().min(1024, 'Pick a port from 1024 to 65535.').max(65_535, 'Pick a port from 1024 to 65535.'),
  /** Web pages allowed to call the endpoint from a browser (CORS); none by default. */
  allowedOrigins: z.array(Origin).max(20),
  /**
   * Keep what apps ask in history, under each app's name, searchable like any chat. Off: each exchange is
   * deleted once answered; only its figures (where it ran, tokens, cost) stay, for the savings.
   */
  keepConversations: z.boolean().default(true),
});
export type ApiSettings = z.infer<typeof ApiSettings>;

export const DEFAULT_API_SETTINGS: ApiSettings = { enabled: false, port: DEFAULT_API_PORT, allowedOrigins: [], keepConversations: true };

/** Whether the endpoint runs, where, with which key, and why not when it does not. */
export const ApiServerInfo = z.object({
  /** Listening now. */
  running: z.boolean(),
  /** What to paste into another app as its base URL, e.g. http://127.0.0.1:4311/v1; null while stopped. */
  baseUrl: z.string().nullable(),
  /** The key apps send as `Authorization: Bearer KEY`; null until the endpoint is first turned on. */
  key: z.string().nullable(),
  /** Why it is not running though turned on (the port is taken, or the administrator turned it off). */
  problem: z.string().nullable(),
});
export type ApiServerInfo = z.infer<typeof ApiServerInfo>;
