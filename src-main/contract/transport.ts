// Names both transports agree on. Plain constants, no imports: the renderer and the preload bundle them.

/** Electron: ipcRenderer.invoke(IPC_CALL, channel, request) answers a Result envelope. */
export const IPC_CALL = 'duet:call';
/** Electron: the main process sends every DuetEvent on this channel. */
export const IPC_EVENT = 'duet:event';

/** HTTP bridge: POST `${HTTP_CALL_PREFIX}<channel>` with the JSON request; the body of the answer is the envelope. */
export const HTTP_CALL_PREFIX = '/api/call/';
/** HTTP bridge: Server-Sent Events, one `data: <DuetEvent JSON>` per event; token in the `token` query parameter. */
export const HTTP_EVENTS = '/api/events';
/** HTTP bridge: calls carry `Authorization: Bearer <token>`; the page gets the token from `?token=` in its URL. */
export const TOKEN_QUERY_PARAM = 'token';
/**
 * HTTP bridge: POST a history file as the raw body (any content type) to import it; `?fileName=` names it.
 * Token as for calls; the answer is the envelope of an ImportSummary. The file is streamed, never held whole.
 */
export const HTTP_UPLOAD_IMPORT = '/api/upload/history.import';
