import { useState } from "react";
import { decide, getQueue, type Action, type QueueFilters } from "../../api/operator";
import type { QueueItem } from "../../api/types";
import { useQuery } from "../../api/useQuery";
import { Pager } from "../../components/Pager";
import { QueryView } from "../../components/QueryView";
import { touchesReviewQueue } from "../../live/events";
import { useLiveEvents, useLiveStatus } from "../../live/LiveProvider";
import { QueueFilterBar } from "./QueueFilterBar";
import { ReviewItem } from "./ReviewItem";

const PAGE = 10;
const DONE: Record<Action, string> = {
  approve: "Approved",
  flag: "Flagged",
  reject: "Rejected",
  override: "Overridden",
};

export default function ReviewQueuePage() {
  const [filters, setFilters] = useState<Omit<QueueFilters, "limit" | "offset">>({});
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const live = useLiveStatus();
  const query = useQuery(
    () => getQueue({ ...filters, limit: PAGE, offset }),
    `queue:${JSON.stringify(filters)}:${offset}`,
  );
  useLiveEvents((event) => {
    if (touchesReviewQueue(event)) query.reload();
  });

  const act = async (item: QueueItem, action: Action, reason: string, replacement?: string) => {
    await decide(item.id, action, reason, replacement);
    setNotice(`${DONE[action]} “${item.title}” for ${item.user_id}.`);
    query.reload();
  };

  return (
    <>
      <div className="page-title">
        <h1>Review queue</h1>
        <p>{live === "live" ? "Updates live as items arrive and are reviewed." : "Live updates are reconnecting…"}</p>
      </div>
      <QueueFilterBar
        filters={filters}
        onChange={(next) => {
          setFilters(next);
          setOffset(0);
        }}
      />
      <p className="notice" role="status" aria-live="polite" hidden={!notice}>
        {notice}
      </p>
      <QueryView query={query} label="the review queue">
        {(page) => (
          <>
            <p className="subtle">{page.total} items waiting.</p>
            {page.items.length === 0 ? (
              <div className="panel">
                <p>Nothing waiting for review.</p>
              </div>
            ) : (
              page.items.map((item) => <ReviewItem key={item.id} item={item} onAct={act} />)
            )}
            <Pager total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} noun="items" />
          </>
        )}
      </QueryView>
    </>
  );
}
