// What a cloud answer probably cost. The table is editable (Settings may replace it); the defaults
// are list prices as published by each vendor, checked on the table's `asOf` date: estimates only,
// since prices change and some vendors bill cached or reasoning tokens differently.

/** USD per million tokens. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

export interface PriceTable {
  /** When the prices were last checked (YYYY-MM). */
  asOf: string;
  /** Model id → price. Ids are matched exactly first, then without a "vendor/" prefix or a date suffix. */
  models: Record<string, ModelPrice>;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

const price = (inputPerMillion: number, outputPerMillion: number): ModelPrice => ({ inputPerMillion, outputPerMillion });

/** Default prices: estimates from the vendors' public price lists as of `asOf`. */
export const DEFAULT_PRICES: PriceTable = {
  asOf: '2025-08',
  models: {
    // OpenAI (also what OpenRouter charges for "openai/…", and Azure's global deployments, roughly)
    'gpt-5': price(1.25, 10),
    'gpt-5-mini': price(0.25, 2),
    'gpt-5-nano': price(0.05, 0.4),
    'gpt-4.1': price(2, 8),
    'gpt-4.1-mini': price(0.4, 1.6),
    'gpt-4.1-nano': price(0.1, 0.4),
    'gpt-4o': price(2.5, 10),
    'gpt-4o-mini': price(0.15, 0.6),
    o3: price(2, 8),
    'o3-mini': price(1.1, 4.4),
    'o4-mini': price(1.1, 4.4),
    // Anthropic and Google, as OpenRouter lists them
    'anthropic/claude-sonnet-4': price(3, 15),
    'anthropic/claude-opus-4': price(15, 75),
    'anthropic/claude-3.5-haiku': price(0.8, 4),
    'google/gemini-2.5-pro': price(1.25, 10),
    'google/gemini-2.5-flash': price(0.3, 2.5),
    // Groq
    'llama-3.3-70b-versatile': price(0.59, 0.79),
    'llama-3.1-8b-instant': price(0.05, 0.08),
    // Together AI
    'meta-llama/Llama-3.3-70B-Instruct-Turbo': price(0.88, 0.88),
    'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo': price(0.18, 0.18),
    // Mistral
    'mistral-large-latest': price(2, 6),
    'mistral-medium-latest': price(0.4, 2),
    'mistral-small-latest': price(0.1, 0.3),
  },
};

/** The price for a model id: exact, then case-insensitive, then without "vendor/" or a date suffix; null when unknown. */
export function findPrice(model: string, table: PriceTable = DEFAULT_PRICES): ModelPrice | null {
  const byLowerId = new Map(Object.entries(table.models).map(([id, p]) => [id.toLowerCase(), p]));
  for (const candidate of candidates(model)) {
    const found = table.models[candidate] ?? byLowerId.get(candidate.toLowerCase());
    if (found) return found;
  }
  return null;
}

/**
 * Estimated cost in USD of one answer; null when the model is not in the table. OpenRouter's
 * ":free" variants cost nothing.
 */
export function estimateCost(model: string, usage: TokenUsage, table: PriceTable = DEFAULT_PRICES): number | null {
  if (/:free$/i.test(model)) return 0;
  const found = findPrice(model, table);
  if (!found) return null;
  return (usage.promptTokens * found.inputPerMillion + usage.completionTokens * found.outputPerMillion) / 1_000_000;
}

/** "openai/gpt-4o-mini-2024-07-18" → itself, "gpt-4o-mini-2024-07-18", "openai/gpt-4o-mini", "gpt-4o-mini". */
function candidates(model: string): string[] {
  const id = model.trim().replace(/:[a-z]+$/i, ''); // OpenRouter's ":nitro", ":floor" variants
  const undated = (s: string): string => s.replace(/-(\d{4}-\d{2}-\d{2}|\d{4})$/, '');
  const bare = id.includes('/') ? id.slice(id.lastIndexOf('/') + 1) : id;
  return [...new Set([model, id, undated(id), bare, undated(bare)])];
}
