import { useState } from "react";
import { sendFeedback } from "../../api/customer";
import type { FeedbackKind } from "../../api/types";
import { WINDOW_LABEL, type Window } from "../../api/types";
import type { MergedRecommendation } from "../../lib/recommendations";

const KIND_LABEL: Record<string, string> = { education: "Learn", offer: "Partner offer" };

interface Props {
  merged: MergedRecommendation;
  onDismissed: () => void;
}

/** One suggestion: what, why ("because", from the customer's data), the disclosure, and feedback. */
export function RecommendationCard({ merged, onDismissed }: Props) {
  const item = merged.primary;
  const [sent, setSent] = useState<FeedbackKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = `rec-title-${item.id}`;

  const give = async (kind: FeedbackKind) => {
    setBusy(true);
    setError(null);
    try {
      await Promise.all(merged.ids.map((id) => sendFeedback(id, kind)));
      setSent(kind);
      if (kind === "dismissed") onDismissed();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Your feedback was not saved. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={`panel rec ${item.kind === "offer" ? "offer" : ""}`} aria-labelledby={titleId}>
      <div className="meta">
        <span className={`badge ${item.kind === "offer" ? "badge-info" : "badge-accent"}`}>
          {KIND_LABEL[item.kind] ?? item.kind}
        </span>
      </div>
      <h3 id={titleId} style={{ marginTop: "0.4rem" }}>
        {item.title}
      </h3>
      <p className="because">
        <strong>Because: </strong>
        {item.rationale}
      </p>
      {merged.others.map((other) => (
        <p key={other.id} className="because-more">
          {WINDOW_LABEL[other.window as Window] ?? other.window}: {other.rationale}
        </p>
      ))}
      <div className="feedback" role="group" aria-label={`Feedback on ${item.title}`}>
        <span className="subtle">Was this useful?</span>
        <button type="button" aria-pressed={sent === "helpful"} disabled={busy} onClick={() => give("helpful")}>
          Helpful
        </button>
        <button type="button" aria-pressed={sent === "not_helpful"} disabled={busy} onClick={() => give("not_helpful")}>
          Not helpful
        </button>
        <button type="button" className="link-button" disabled={busy} onClick={() => give("dismissed")}>
          Hide this
        </button>
        {sent && sent !== "dismissed" && (
          <span className="subtle" role="status">
            Thanks, noted.
          </span>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="disclosure">{item.disclosure}</p>
    </article>
  );
}
