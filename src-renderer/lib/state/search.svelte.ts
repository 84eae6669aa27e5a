import type { Target } from '../../../src-main/contract/entities.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { SearchHit, SearchRequest } from '../../../src-main/contract/history-entities.js';
import type { DuetClient } from '../client.js';
import { t } from '../i18n/index.svelte.js';

/** How long typing has to pause before a search runs. */
const DEBOUNCE_MS = 120;
/** Best matches shown: a palette is for jumping to one message, and each hit's snippet costs time per keystroke. */
export const SEARCH_RESULTS_SHOWN = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

export type SinceFilter = 'any' | 'today' | 'week' | 'month' | 'year';

/** The date filter's choices, with the words the palette shows (in the language in force). */
export const SINCE_CHOICES: readonly { value: SinceFilter; readonly label: string }[] = (['any', 'today', 'week', 'month', 'year'] as const).map((value) => ({
  value,
  get label(): string {
    return t(`search.since.${value}`);
  },
}));

/** The earliest time (ms) a "since" choice lets through, counted from `now`; null for any time. */
export function sinceTime(since: SinceFilter, now: Date = new Date()): number | null {
  switch (since) {
    case 'any':
      return null;
    case 'today':
      return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    case 'week':
      return now.getTime() - 7 * DAY_MS;
    case 'month':
      return now.getTime() - 30 * DAY_MS;
    case 'year':
      return now.getTime() - 365 * DAY_MS;
  }
}

/**
 * The search palette: its query and filters, the hits for them, and which hit the keyboard is on.
 * Searches run as the user types (debounced); an answer to an older query is dropped.
 */
export class SearchState {
  open = $state(false);
  query = $state('');
  /** null: answers from both sides (and questions). */
  target = $state<Target | null>(null);
  /** null: any model. */
  model = $state<string | null>(null);
  since = $state<SinceFilter>('any');
  /** Only messages written before this time (ms), set by "Search older messages"; null: no end. */
  before = $state<number | null>(null);

  hits = $state.raw<SearchHit[]>([]);
  /** Models that answered anything, for the model filter. */
  models = $state.raw<string[]>([]);
  /**
   * When the search stopped before the oldest message its dates allow (it favours recent ones): the
   * createdAt of the oldest message it read; null when it read them all.
   */
  searchedFrom = $state<number | null>(null);
  error = $state.raw<DuetError | null>(null);
  /** True while the latest search is on its way. */
  searching = $state(false);
  /** True once the current query has been answered (so "No messages match." is not shown early). */
  answered = $state(false);
  /** The hit the arrow keys are on. */
  active = $state(0);

  hasQuery = $derived(this.query.trim() !== '');

  #api: DuetClient;
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The query and filters the hits shown answer. */
  #shownKey = '';

  constructor(api: DuetClient) {
    this.#api = api;
  }

  /** Opens the palette (already open: nothing changes, the caller focuses the input). */
  show(): void {
    if (this.open) return;
    this.open = true;
    // Filters and query from the last visit stay; the hits may be stale, so ask again.
    if (this.hasQuery) this.schedule(0);
  }

  close(): void {
    this.open = false;
    clearTimeout(this.#timer);
    this.#seq++;
    this.searching = false;
  }

  /** Sets the query and searches after a short pause. */
  setQuery(query: string): void {
    this.query = query;
    this.answered = false;
    this.schedule();
  }

  setTarget(target: Target | null): void {
    this.target = target;
    this.schedule(0);
  }

  setModel(model: string | null): void {
    this.model = model;
    this.schedule(0);
  }

  setSince(since: SinceFilter): void {
    this.since = since;
    this.schedule(0);
  }

  /** Sets the end of the dates searched (null: up to now). */
  setBefore(before: number | null): void {
    this.before = before;
    this.schedule(0);
  }

  /** Searches the messages older than those the last search read (see searchedFrom). */
  searchOlder(): void {
    if (this.searchedFrom !== null) this.setBefore(this.searchedFrom);
  }

  /** Moves the keyboard's place by `step` hits, wrapping around. */
  move(step: number): void {
    const count = this.hits.length;
    if (count === 0) return;
    this.active = (((this.active + step) % count) + count) % count;
  }

  /** Runs the search again if the palette is open (the history changed under it). */
  refresh(): void {
    if (this.open && this.hasQuery) this.schedule(0);
  }

  /** Runs the search after `delay` ms; a newer call replaces a pending one. */
  schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.#timer);
    if (!this.hasQuery) {
      this.#seq++;
      this.hits = [];
      this.searchedFrom = null;
      this.error = null;
      this.searching = false;
      this.answered = false;
      this.active = 0;
      return;
    }
    this.#timer = setTimeout(() => void this.run(), delay);
  }

  /** Searches now with the current query and filters. */
  async run(): Promise<void> {
    if (!this.hasQuery) return;
    const seq = ++this.#seq;
    const request: SearchRequest = {
      query: this.query.trim(),
      target: this.target,
      model: this.model,
      from: sinceTime(this.since),
      to: this.before,
      limit: SEARCH_RESULTS_SHOWN,
    };
    this.searching = true;
    const result = await this.#api.call('history.search', request);
    if (seq !== this.#seq) return;
    this.searching = false;
    this.answered = true;
    if (result.ok) {
      // The same search run again (the history changed under it) keeps the keyboard's place.
      const key = JSON.stringify({ ...request, from: this.since });
      const keep = key === this.#shownKey ? this.hits[this.active]?.messageId : undefined;
      this.#shownKey = key;
      this.hits = result.value.hits;
      this.models = result.value.models;
      this.searchedFrom = result.value.searchedFrom ?? null;
      this.error = null;
      this.active = Math.max(0, keep === undefined ? 0 : this.hits.findIndex((hit) => hit.messageId === keep));
    } else {
      this.hits = [];
      this.searchedFrom = null;
      this.#shownKey = '';
      this.error = result.error;
    }
  }
}
