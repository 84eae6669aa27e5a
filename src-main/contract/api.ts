import type { Result } from './envelope.js';
import type { Channel, RequestOf, ResponseOf } from './channels.js';
import type { DuetEvent } from './events.js';

/**
 * The whole surface the renderer sees, whatever the transport: `window.duet` in Electron,
 * the HTTP bridge in a browser tab. Nothing else is exposed.
 */
export interface DuetApi {
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Listens to core events; returns a function that stops listening. */
  subscribe(listener: (event: DuetEvent) => void): () => void;
  /**
   * Desktop only: where on disk a file the user picked lives ('' when it is not on disk), so the core
   * can read a large import as a stream (`history.importFile`) instead of receiving it whole.
   */
  pathForFile?(file: File): string;
  /**
   * Desktop only: opens the native open dialog for a GGUF model file; resolves with its path, or null
   * when the user cancelled. Absent headless, where the page offers a path field instead.
   */
  chooseModelFile?: () => Promise<string | null>;
}
