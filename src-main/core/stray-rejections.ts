/**
 * Keeps Duet running when a promise nobody awaits fails. Node ends the process on an unhandled
 * rejection, and a library's floating promise can produce one that Duet cannot catch: node-llama-cpp's
 * downloader (ipull) saves its progress with `void this._saveProgress()`, which rejects when the disk
 * fills mid-download. The failure that matters reaches the user through the operation's own error
 * (the download ends with "the disk filled up"); the stray rejection is only logged, so a full disk
 * does not also take the user's answers and open tabs down with it. Returns a function that removes
 * the handler.
 */
export function keepRunningOnStrayRejections(log: (message: string) => void = console.error): () => void {
  const onRejection = (reason: unknown): void => {
    const detail = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
    log(`Duet: a background task failed and nothing was waiting for it (${detail}); Duet keeps running.`);
  };
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}
