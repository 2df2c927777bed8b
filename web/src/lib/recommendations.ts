// The same catalog item is often chosen for both windows, with a "because" for each. A
// customer sees it once: the 30-day reason first, the 6-month one beside it.
import type { RecommendationView } from "../api/types";

export interface MergedRecommendation {
  /** The item as shown: the most recent window's version. */
  primary: RecommendationView;
  /** The same item from the other window(s), for their reasons. */
  others: RecommendationView[];
  /** Every recommendation id behind this card (feedback goes to all of them). */
  ids: string[];
}

const WINDOW_ORDER = ["30d", "180d"];

function windowRank(window: string): number {
  const index = WINDOW_ORDER.indexOf(window);
  return index === -1 ? WINDOW_ORDER.length : index;
}

/** One card per catalog item, in the order the items first appear, shortest window first within a card. */
export function mergeByItem(items: RecommendationView[]): MergedRecommendation[] {
  const groups = new Map<string, RecommendationView[]>();
  for (const item of items) {
    const group = groups.get(item.item_id);
    if (group) group.push(item);
    else groups.set(item.item_id, [item]);
  }
  return [...groups.values()].map((group) => {
    const [primary, ...others] = [...group].sort((a, b) => windowRank(a.window) - windowRank(b.window));
    return { primary: primary as RecommendationView, others, ids: group.map((item) => item.id) };
  });
}
