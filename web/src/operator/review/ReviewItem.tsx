import { Link } from "react-router";
import type { Action } from "../../api/operator";
import type { QueueItem } from "../../api/types";
import { WINDOW_LABEL, type Window } from "../../api/types";
import { signalLabel } from "../../lib/signalCatalog";
import { TraceLoader } from "../TraceLoader";
import { ReviewActions } from "./ReviewActions";

const STATUS_BADGE: Record<string, string> = {
  pending: "badge-info",
  flagged: "badge-warn",
  approved: "badge-good",
  rejected: "badge-bad",
};

interface Props {
  item: QueueItem;
  onAct: (item: QueueItem, action: Action, reason: string, replacementItemId?: string) => Promise<void>;
}

/** One item waiting for review, readable without JSON: who, what, because, and the decision form. */
export function ReviewItem({ item, onAct }: Props) {
  const titleId = `review-${item.id}`;
  return (
    <article className="panel review-item" aria-labelledby={titleId}>
      <div className="meta">
        <span className={`badge ${STATUS_BADGE[item.status] ?? ""}`}>{item.status}</span>
        <span className={`badge ${item.kind === "offer" ? "badge-info" : "badge-accent"}`}>
          {item.kind === "offer" ? "Partner offer" : "Education"}
        </span>
        <span className="subtle">{WINDOW_LABEL[item.window as Window] ?? item.window}</span>
        <span className="subtle">
          for <Link to={`/operator/users/${encodeURIComponent(item.user_id)}`}>{item.user_id}</Link>
        </span>
        {item.origin === "operator" && <span className="badge">operator replacement</span>}
      </div>
      <h3 id={titleId}>{item.title}</h3>
      <p className="because">
        <strong>Because: </strong>
        {item.rationale}
      </p>
      {item.cited_signals.length > 0 && (
        <p className="subtle">Cites: {item.cited_signals.map(signalLabel).join(", ")}</p>
      )}
      <TraceLoader userId={item.user_id} recommendationId={item.id} />
      <ReviewActions
        status={item.status}
        title={item.title}
        onAct={(action, reason, replacement) => onAct(item, action, reason, replacement)}
      />
    </article>
  );
}
