import { WINDOW_LABEL, type TracedRecommendation, type Window } from "../../api/types";
import { RecommendationTraceView } from "../RecommendationTraceView";

const STATUS_BADGE: Record<string, string> = {
  pending: "badge-info",
  flagged: "badge-warn",
  approved: "badge-good",
  rejected: "badge-bad",
  blocked: "badge-bad",
};

/** Every stored item of the customer, whatever its status, each with its decision trace. */
const ORDER = ["pending", "flagged", "approved", "overridden", "rejected", "blocked", "hidden"];
const rank = (status: string) => (ORDER.includes(status) ? ORDER.indexOf(status) : ORDER.length);

export function UserRecommendations({ items }: { items: TracedRecommendation[] }) {
  const sorted = [...items].sort((a, b) => a.window.localeCompare(b.window) || rank(a.status) - rank(b.status));
  return (
    <div className="panel">
      <h2>Recommendations</h2>
      {items.length === 0 && <p className="empty">No recommendations stored.</p>}
      {sorted.map((item) => (
        <article
          key={item.id}
          className="review-item"
          style={{ borderTop: "1px solid var(--line)", paddingTop: "0.7rem", marginTop: "0.7rem" }}
        >
          <div className="meta">
            <span className={`badge ${STATUS_BADGE[item.status] ?? ""}`}>{item.status}</span>
            <span className="subtle">
              {item.kind === "offer" ? "Partner offer" : "Education"} ·{" "}
              {WINDOW_LABEL[item.window as Window] ?? item.window}
            </span>
          </div>
          <h3>{item.title}</h3>
          <p className="because">
            <strong>Because: </strong>
            {item.rationale}
          </p>
          <details>
            <summary>Decision trace</summary>
            <RecommendationTraceView trace={item.trace} />
          </details>
        </article>
      ))}
    </div>
  );
}
