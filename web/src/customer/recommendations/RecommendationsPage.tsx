import { useParams } from "react-router";
import { getRecommendations } from "../../api/customer";
import type { RecommendationView } from "../../api/types";
import { mergeByItem } from "../../lib/recommendations";
import { useQuery } from "../../api/useQuery";
import { QueryView } from "../../components/QueryView";
import { touchesCustomer } from "../../live/events";
import { useLiveEvents } from "../../live/LiveProvider";
import { RecommendationCard } from "./RecommendationCard";

export default function RecommendationsPage() {
  const { userId = "" } = useParams();
  const query = useQuery(() => getRecommendations(userId), `recs:${userId}`);
  useLiveEvents((event) => {
    if (touchesCustomer(event, userId)) query.reload();
  });
  return (
    <>
      <div className="page-title">
        <h1>For you</h1>
        <p>Each suggestion says why we picked it, using your own numbers.</p>
      </div>
      <QueryView query={query} label="your recommendations" userId={userId}>
        {(list) => <Recommendations items={list.items} onChange={query.reload} />}
      </QueryView>
    </>
  );
}

function Recommendations({ items, onChange }: { items: RecommendationView[]; onChange: () => void }) {
  if (items.length === 0) {
    return (
      <div className="panel">
        <p>No recommendations yet. Our team reviews every suggestion before you see it; check back soon.</p>
      </div>
    );
  }
  const merged = mergeByItem(items);
  const learn = merged.filter((m) => m.primary.kind !== "offer");
  const offers = merged.filter((m) => m.primary.kind === "offer");
  return (
    <>
      {[
        { id: "learn", title: "To learn", list: learn },
        { id: "offers", title: "Offers from our partners", list: offers },
      ].map(
        (section) =>
          section.list.length > 0 && (
            <section key={section.id} aria-labelledby={`recs-${section.id}`}>
              <h2 id={`recs-${section.id}`}>{section.title}</h2>
              {section.list.map((m) => (
                <RecommendationCard key={m.primary.id} merged={m} onDismissed={onChange} />
              ))}
            </section>
          ),
      )}
    </>
  );
}
