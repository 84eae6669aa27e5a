import {
  ErrorCode,
  type ConversationSummary,
  type DuetError,
  type Message,
  type MessageStatus,
  type Provenance,
  type RouteKind,
  type RouteMode,
  RouteReason,
  RouteReasonCode,
  type Target,
} from '../contract/index.js';

/** A conversation as CONVERSATION_COLUMNS reads it. */
export interface ConversationRow {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
  message_count: number;
  mode: RouteMode | null;
  local_share: number | null;
  pinned: 0 | 1;
  client: string | null;
}

/** A row of the messages table. */
export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  role: 'user' | 'assistant';
  content: string;
  status: MessageStatus;
  created_at: number;
  updated_at: number;
  target: Target | null;
  reasons: string | null;
  model: string | null;
  ttft_ms: number | null;
  confidence: number | null;
  tokens: number | null;
  tokens_per_second: number | null;
  error_code: string | null;
  error_message: string | null;
  route: RouteKind | null;
  score: number | null;
  latency_ms: number | null;
  prompt_tokens: number | null;
  cost_usd: number | null;
  rerun_of: string | null;
}

export type ProvenanceColumns = Pick<
  MessageRow,
  'target' | 'reasons' | 'model' | 'ttft_ms' | 'tokens' | 'tokens_per_second' | 'route' | 'score' | 'latency_ms' | 'prompt_tokens' | 'cost_usd' | 'confidence'
>;

/**
 * Columns of a conversation summary, from `conversations c`. The count and local share come from the
 * running totals that migration 0008's triggers keep, so a summary never reads the messages.
 */
export const CONVERSATION_COLUMNS = `c.id, c.title, c.created_at, c.updated_at, c.mode, c.pinned, c.client, c.message_count,
  CASE WHEN c.finished_answers = 0 THEN NULL ELSE CAST(c.local_answers AS REAL) / c.finished_answers END AS local_share`;

/** A conversation row from CONVERSATION_COLUMNS read with `.raw()` (see messageRowOf for why). */
export function conversationRowOf(a: unknown[]): ConversationRow {
  return {
    id: a[0] as string,
    title: a[1] as string,
    created_at: a[2] as number,
    updated_at: a[3] as number,
    mode: a[4] as RouteMode | null,
    pinned: a[5] as 0 | 1,
    client: a[6] as string | null,
    message_count: a[7] as number,
    local_share: a[8] as number | null,
  };
}

/** Every column of messages, in the order MESSAGE_COLUMNS reads them (as arrays: see messageRowOf). */
const MESSAGE_FIELDS = [
  'id',
  'conversation_id',
  'seq',
  'role',
  'content',
  'status',
  'created_at',
  'updated_at',
  'target',
  'reasons',
  'model',
  'ttft_ms',
  'confidence',
  'tokens',
  'tokens_per_second',
  'error_code',
  'error_message',
  'route',
  'score',
  'latency_ms',
  'prompt_tokens',
  'cost_usd',
  'rerun_of',
] as const satisfies readonly (keyof MessageRow)[];

/** The columns of a message row, for a statement read with `.raw()` and turned into rows by messageRowOf. */
export const MESSAGE_COLUMNS = MESSAGE_FIELDS.join(', ');

/**
 * A message row from the array `.raw()` reads: better-sqlite3 builds a named object for each row one
 * property at a time, which for a 2,000-message conversation cost more than reading it.
 */
export function messageRowOf(a: unknown[]): MessageRow {
  return {
    id: a[0] as string,
    conversation_id: a[1] as string,
    seq: a[2] as number,
    role: a[3] as MessageRow['role'],
    content: a[4] as string,
    status: a[5] as MessageStatus,
    created_at: a[6] as number,
    updated_at: a[7] as number,
    target: a[8] as Target | null,
    reasons: a[9] as string | null,
    model: a[10] as string | null,
    ttft_ms: a[11] as number | null,
    confidence: a[12] as number | null,
    tokens: a[13] as number | null,
    tokens_per_second: a[14] as number | null,
    error_code: a[15] as string | null,
    error_message: a[16] as string | null,
    route: a[17] as RouteKind | null,
    score: a[18] as number | null,
    latency_ms: a[19] as number | null,
    prompt_tokens: a[20] as number | null,
    cost_usd: a[21] as number | null,
    rerun_of: a[22] as string | null,
  };
}

/** A provenance as the columns it is stored in (all null without one). */
export function provenanceColumns(p: Provenance | null): ProvenanceColumns {
  return {
    target: p?.target ?? null,
    reasons: p ? JSON.stringify(p.reasons) : null,
    model: p?.model ?? null,
    ttft_ms: p?.ttftMs ?? null,
    confidence: p?.confidence ?? null,
    tokens: p?.tokens ?? null,
    tokens_per_second: p?.tokensPerSecond ?? null,
    route: p?.route ?? null,
    score: p?.score ?? null,
    latency_ms: p?.latencyMs ?? null,
    prompt_tokens: p?.promptTokens ?? null,
    cost_usd: p?.costUsd ?? null,
  };
}

/** The contract's conversation summary from a row. */
export function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    messageCount: row.message_count,
    mode: row.mode,
    localShare: row.local_share,
    pinned: row.pinned === 1,
    client: row.client,
  };
}

/** The contract's message from a row. */
export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role,
    content: row.content,
    status: row.status,
    createdAt: row.created_at,
    provenance:
      row.target === null
        ? null
        : {
            target: row.target,
            route: row.route ?? row.target,
            reasons: readReasons(row.reasons),
            score: row.score,
            model: row.model ?? '',
            ttftMs: row.ttft_ms,
            confidence: row.confidence,
            tokens: row.tokens ?? 0,
            tokensPerSecond: row.tokens_per_second,
            latencyMs: row.latency_ms,
            promptTokens: row.prompt_tokens,
            costUsd: row.cost_usd,
          },
    error: toError(row),
    rerunOf: row.rerun_of,
  };
}

function toError(row: MessageRow): DuetError | null {
  if (row.error_code === null) return null;
  const code = ErrorCode.safeParse(row.error_code);
  return { code: code.success ? code.data : 'internal', message: row.error_message ?? '' };
}

const KNOWN_CODES: ReadonlySet<string> = new Set(RouteReasonCode.options);

/** The stored reasons of an answer; a code this version does not know reads as 'other' (see RouteReason). */
function readReasons(json: string | null): RouteReason[] {
  const value: unknown = JSON.parse(json ?? '[]');
  // What this version wrote checks by hand (the schema costs several µs a message when a long
  // conversation opens); anything else goes through the schema.
  if (Array.isArray(value) && value.every(isKnownReason)) return value.map((r: RouteReason) => ({ code: r.code, message: r.message }));
  const parsed = RouteReason.array().safeParse(value);
  return parsed.success ? parsed.data : [];
}

function isKnownReason(r: unknown): r is RouteReason {
  if (typeof r !== 'object' || r === null) return false;
  const { code, message } = r as { code?: unknown; message?: unknown };
  return typeof code === 'string' && KNOWN_CODES.has(code) && typeof message === 'string';
}
