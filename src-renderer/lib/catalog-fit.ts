import type { DuetError } from '../../src-main/contract/envelope.js';
import type { CatalogItem } from '../../src-main/contract/models.js';

/**
 * The one reason no model's fit could be checked, when every model failed for the same reason
 * (offline, or the mirror is down): shown once above the list instead of on every card.
 * Null when any fit is known or the reasons differ.
 */
export function commonFitError(catalog: readonly CatalogItem[] | null): DuetError | null {
  if (!catalog || catalog.length < 2) return null;
  const first = catalog[0]?.fitError ?? null;
  if (!first) return null;
  return catalog.every((item) => item.fit === null && item.fitError?.message === first.message) ? first : null;
}
