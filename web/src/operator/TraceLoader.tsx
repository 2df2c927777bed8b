import { useState } from "react";
import { getTraces } from "../api/operator";
import { useQuery } from "../api/useQuery";
import { QueryView } from "../components/QueryView";
import { RecommendationTraceView } from "./RecommendationTraceView";

function Loaded({ userId, recommendationId }: { userId: string; recommendationId: string }) {
  const query = useQuery(() => getTraces(userId), `traces:${userId}`);
  return (
    <QueryView query={query} label="the decision trace">
      {(traces) => {
        const item = traces.recommendations.find((r) => r.id === recommendationId);
        return item ? <RecommendationTraceView trace={item.trace} /> : <p className="empty">No trace stored.</p>;
      }}
    </QueryView>
  );
}

/** The decision trace behind a disclosure triangle, fetched the first time it opens. */
export function TraceLoader({ userId, recommendationId }: { userId: string; recommendationId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Why this item? (decision trace)</summary>
      {open && <Loaded userId={userId} recommendationId={recommendationId} />}
    </details>
  );
}
