// The renderer is served from app://duet/, never file://: a real origin for the CSP and for the
// IPC sender check, and no access to the rest of the disk. The rules live in app-files.ts.
import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponse } from './app-files.js';

/** Declares app:// as a privileged standard scheme; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** Serves app://duet/<path> from the built renderer folder (after the app is ready). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request));
}
