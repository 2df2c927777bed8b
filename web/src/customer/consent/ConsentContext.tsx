import { createContext, useContext, useState, type ReactNode } from "react";
import { getConsent } from "../../api/customer";
import type { ConsentView } from "../../api/types";
import { useQuery } from "../../api/useQuery";
import { QueryView } from "../../components/QueryView";
import { useLiveEvents } from "../../live/LiveProvider";

interface ConsentValue {
  consent: ConsentView;
  /** Take the state the server answered a grant or revoke with. */
  update: (view: ConsentView) => void;
}

const ConsentContext = createContext<ConsentValue | null>(null);

/**
 * The customer's consent, read once for all their pages: every other page needs it, so the
 * shell asks first (that route never answers 403) instead of letting each page hit a 403.
 */
export function ConsentProvider({
  userId,
  children,
}: {
  userId: string;
  children: (consent: ConsentView) => ReactNode;
}) {
  const query = useQuery(() => getConsent(userId), `consent:${userId}`);
  // A grant or revoke answers with the new state; it stands until the next fetch replaces `basis`.
  const [answer, setAnswer] = useState<{ basis: ConsentView; view: ConsentView } | null>(null);
  useLiveEvents((event) => {
    if (event.type === "consent.changed" && event.user_id === userId) query.reload();
  });
  return (
    <QueryView query={query} label="your consent" userId={userId}>
      {(fetched) => {
        const consent = answer?.basis === fetched ? answer.view : fetched;
        const update = (view: ConsentView) => setAnswer({ basis: fetched, view });
        return <ConsentContext.Provider value={{ consent, update }}>{children(consent)}</ConsentContext.Provider>;
      }}
    </QueryView>
  );
}

export function useConsent(): ConsentValue {
  const value = useContext(ConsentContext);
  if (!value) throw new Error("useConsent outside <ConsentProvider>");
  return value;
}
