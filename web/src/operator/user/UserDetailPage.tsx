import { useParams } from "react-router";
import { getSignals, getTraces } from "../../api/operator";
import { WINDOW_LABEL, WINDOWS, type SignalsView, type TraceView } from "../../api/types";
import { useQuery } from "../../api/useQuery";
import { QueryView } from "../../components/QueryView";
import { useLiveEvents } from "../../live/LiveProvider";
import { personaName } from "../../lib/personas";
import { PersonaTrace } from "./PersonaTrace";
import { SignalsTable } from "./SignalsTable";
import { UserRecommendations } from "./UserRecommendations";

interface Both {
  signals: SignalsView;
  traces: TraceView;
}

export default function UserDetailPage() {
  const { userId = "" } = useParams();
  const query = useQuery<Both>(async () => {
    const [signals, traces] = await Promise.all([getSignals(userId), getTraces(userId)]);
    return { signals, traces };
  }, `user:${userId}`);
  useLiveEvents((event) => {
    if (event.user_id === userId) query.reload();
  });
  return (
    <>
      <div className="page-title">
        <h1>Customer {userId}</h1>
      </div>
      <QueryView query={query} label="this customer" userId={userId}>
        {({ signals, traces }) => (
          <>
            <div className="grid-2">
              {WINDOWS.map((w) => {
                const t = traces.windows[w];
                return (
                  <div className="panel" key={w}>
                    <p className="subtle">{WINDOW_LABEL[w]}</p>
                    <h2>{personaName(t?.primary_persona)}</h2>
                    {t && t.personas.length > 1 && (
                      <p className="subtle">Also matches {t.personas.slice(1).map(personaName).join(", ")}</p>
                    )}
                  </div>
                );
              })}
            </div>
            <div className="panel">
              <h2>Persona decision trace</h2>
              {WINDOWS.map((w) => (
                <details key={w} open={w === "30d"}>
                  <summary>{WINDOW_LABEL[w]}</summary>
                  <PersonaTrace trace={traces.windows[w]?.trace ?? []} />
                </details>
              ))}
            </div>
            <div className="panel">
              <h2>Signals</h2>
              <SignalsTable signals={signals} />
            </div>
            <UserRecommendations items={traces.recommendations} />
          </>
        )}
      </QueryView>
    </>
  );
}
