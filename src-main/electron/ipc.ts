// Binds the contract to Electron IPC, vscode-style: one handler checks every message's sender
// and channel before the core sees it; the core then checks the request against its schema.
// Electron objects are passed in (types only imported) so that this file runs in Node tests.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { fail, isChannel, type DuetError, type Result } from '../contract/index.js';
import { IPC_CALL, IPC_EVENT } from '../contract/transport.js';
import type { DuetCore } from '../core/core-types.js';
import { createDeltaBatcher } from '../core/delta-batcher.js';
import { isAppUrl } from './navigation.js';

/** What the main process knows about the frame that sent a message. */
export interface SenderFacts {
  /** The sending frame's URL; null when the frame is gone (navigated or destroyed). */
  frameUrl: string | null;
  /** True for a page's top frame, false for an iframe. */
  isMainFrame: boolean;
  /** True when the message comes from the main window's web contents. */
  fromMainWindow: boolean;
}

/** Only the main window's top frame, showing our own app:// page, may call the core. */
export function isTrustedSender(facts: SenderFacts): boolean {
  return facts.fromMainWindow && facts.isMainFrame && facts.frameUrl !== null && isAppUrl(facts.frameUrl);
}

/** Why a call is refused before it reaches the core (sender first, then channel), or null to let it through. */
export function screenCall(facts: SenderFacts, channel: unknown): DuetError | null {
  if (!isTrustedSender(facts)) {
    return { code: 'unauthorized', message: "This page is not allowed to talk to Duet. Only Duet's own window may." };
  }
  if (!isChannel(channel)) {
    return { code: 'invalid_request', message: `Unknown call "${String(channel).slice(0, 100)}".` };
  }
  return null;
}

/** Reads the sender facts off an IPC event; `mainWindow` is the window allowed to call, if any. */
export function senderFactsOf(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, mainWindow: BrowserWindow | null): SenderFacts {
  const frame = event.senderFrame;
  const main = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
  return {
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null,
    fromMainWindow: main !== null && event.sender.id === main.id,
  };
}

export interface IpcBinding {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: DuetCore;
  /** The window allowed to call and to receive events (null while none is open). */
  mainWindow: () => BrowserWindow | null;
  log?: Pick<Console, 'warn'>;
}

/** Answers IPC_CALL from the main window and forwards core events to it; returns a function that unbinds both. */
export function bindContractToIpc({ ipcMain, core, mainWindow, log = console }: IpcBinding): () => void {
  ipcMain.handle(IPC_CALL, async (event: IpcMainInvokeEvent, channel: unknown, request: unknown): Promise<Result<unknown>> => {
    const facts = senderFactsOf(event, mainWindow());
    const refusal = screenCall(facts, channel);
    if (refusal) {
      if (refusal.code === 'unauthorized') {
        log.warn(`Duet refused an IPC call to "${String(channel).slice(0, 100)}" from ${describeSender(facts)}.`);
      }
      return { ok: false, error: refusal };
    }
    try {
      return await core.call(channel as string, request);
    } catch (error) {
      // The core answers in envelopes; a throw here is a bug, but the page still gets an envelope.
      const detail = error instanceof Error ? error.message : String(error);
      return fail('internal', `Duet hit an unexpected error (${detail}). Try again; restart Duet if it keeps happening.`);
    }
  });

  const events = createDeltaBatcher((event) => {
    const window = mainWindow();
    if (!window || window.isDestroyed()) return;
    const contents = window.webContents;
    // Events go only to our own page, never to whatever a window might be showing otherwise.
    if (!isAppUrl(contents.getURL())) return;
    contents.send(IPC_EVENT, event);
  });
  const unsubscribe = core.subscribe((event) => events.push(event));

  return () => {
    ipcMain.removeHandler(IPC_CALL);
    unsubscribe();
    events.close();
  };
}

function describeSender(facts: SenderFacts): string {
  const where = facts.frameUrl === null ? 'a frame that is gone' : `"${facts.frameUrl.slice(0, 200)}"`;
  const frame = facts.isMainFrame ? 'top frame' : 'subframe';
  const window = facts.fromMainWindow ? 'the main window' : 'another web contents';
  return `${where} (${frame} of ${window})`;
}
