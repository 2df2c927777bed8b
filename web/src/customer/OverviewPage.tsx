import { Link, useParams } from "react-router";
import { getProfile } from "../api/customer";
import { WINDOW_LABEL, WINDOWS, type ProfileView } from "../api/types";
import { useQuery } from "../api/useQuery";
import { QueryView } from "../components/QueryView";
import { useLiveEvents } from "../live/LiveProvider";
import { AccountsPanel } from "./overview/AccountsPanel";
import { BehaviourList } from "./overview/BehaviourList";
import { PersonaCard } from "./overview/PersonaCard";

export default function OverviewPage() {
  const { userId = "" } = useParams();
  const query = useQuery(() => getProfile(userId), `profile:${userId}`);
  useLiveEvents((event) => {
    if (event.user_id === userId && event.type === "consent.changed") query.reload();
  });
  return (
    <QueryView query={query} label="your profile" userId={userId}>
      {(profile) => <Overview profile={profile} />}
    </QueryView>
  );
}

function Overview({ profile }: { profile: ProfileView }) {
  const base = `/customers/${encodeURIComponent(profile.user_id)}`;
  return (
    <>
      <div className="page-title">
        <h1>Your money at a glance</h1>
        <p>
          <Link to={`${base}/recommendations`}>See what we suggest for you</Link>
        </p>
      </div>
      <PersonaCard windows={profile.windows} />
      <AccountsPanel accounts={profile.accounts} />
      <div className="grid-2">
        {WINDOWS.map((window) => (
          <div className="panel" key={window}>
            <h2>What we noticed: {WINDOW_LABEL[window].toLowerCase()}</h2>
            <BehaviourList signals={profile.windows[window]?.signals ?? {}} window={window} />
          </div>
        ))}
      </div>
    </>
  );
}
