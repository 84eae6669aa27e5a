import { z } from 'zod';

/** Every error a user can meet; the code lets the UI and tests tell them apart. */
export const ErrorCode = z.enum([
  'invalid_request',
  'unauthorized',
  'not_found',
  'model_missing',
  'model_invalid',
  'model_load_failed',
  'engine_crashed',
  /** The question and the conversation before it do not fit the local model's window. */
  'context_too_long',
  'busy',
  'storage_full',
  'storage_readonly',
  'storage_too_new',
  'storage_corrupt',
  'cloud_not_configured',
  'cloud_unreachable',
  'cloud_auth',
  'cloud_rate_limited',
  'cloud_server_error',
  'cloud_timeout',
  'cloud_bad_request',
  /** A model download could not finish (network, server, stall, wrong hash); the message names the cause. */
  'download_failed',
  /** A model file Duet only points to (or anything outside its models folder): it is never deleted. */
  'model_not_removable',
  /** The cloud was asked for, but the question (or something sent with it) holds personal data: nothing was sent. */
  'kept_private',
  /** The administrator's policy forbids what was asked (the cloud, or the API endpoint). */
  'forbidden_by_policy',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const DuetError = z.object({ code: ErrorCode, message: z.string() });
export type DuetError = z.infer<typeof DuetError>;

/** The envelope every call answers in: a value, or an error that says what happened and what to do. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DuetError };

/** Wraps a value in a successful envelope. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error in a failed envelope. */
export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
