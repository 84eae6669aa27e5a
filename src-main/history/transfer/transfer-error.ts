import type { z } from 'zod';
import { HistoryError } from '../history-error.js';

/** A file that cannot be imported: the message says what is wrong with it and what to do. */
export function invalidFile(message: string, cause?: unknown): HistoryError {
  return new HistoryError('invalid_request', message, cause === undefined ? undefined : { cause });
}

/** The first problem zod found, as "where: what" (for example "messages.2.status: Invalid option"). */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** "Conversation 3" or `Conversation 3 ("Trip plan")`: how errors name one entry of a file, counting from 1. */
export function entryName(index: number, title: unknown): string {
  const shown = typeof title === 'string' ? title.trim().slice(0, 60) : '';
  return shown ? `Conversation ${index + 1} ("${shown}")` : `Conversation ${index + 1}`;
}
