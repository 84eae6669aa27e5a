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

/** Columns of a conversation summary, from `conversations c`. */
export const CONVERSATION_COLUMNS = `c.id, c.title, c.created_at, c.updated_at, c.mode, c.pinned, c.client,
  (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count,
  (SELECT AVG(m.target = 'local') FROM messages m
    WHERE m.conversation_id = c.id AND role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped')) AS local_share`;

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

/** The stored reasons of an answer; a code this version does not know reads as 'other' (see RouteReason). */
function readReasons(json: string | null): RouteReason[] {
  const parsed = RouteReason.array().safeParse(JSON.parse(json ?? '[]'));
  return parsed.success ? parsed.data : [];
}
