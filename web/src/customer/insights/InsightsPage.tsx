import { NavLink, useParams } from "react-router";
import { BudgetView } from "./BudgetView";
import { NetWorthView } from "./NetWorthView";
import { SpendingView } from "./SpendingView";
import { SubscriptionsView } from "./SubscriptionsView";
import { WeeklyRecapView } from "./WeeklyRecapView";

const SECTIONS = [
  { slug: "", label: "This week", View: WeeklyRecapView },
  { slug: "spending", label: "Spending", View: SpendingView },
  { slug: "budget", label: "Budget", View: BudgetView },
  { slug: "net-worth", label: "Net worth", View: NetWorthView },
  { slug: "subscriptions", label: "Subscriptions", View: SubscriptionsView },
] as const;

export default function InsightsPage() {
  const { userId = "", section = "" } = useParams();
  const base = `/customers/${encodeURIComponent(userId)}/insights`;
  const current = SECTIONS.find((s) => s.slug === section) ?? SECTIONS[0];
  const { View } = current;
  return (
    <>
      <div className="page-title">
        <h1>Insights</h1>
      </div>
      <nav className="tabs" aria-label="Insights">
        {SECTIONS.map((s) => (
          <NavLink key={s.slug} to={s.slug ? `${base}/${s.slug}` : base} end>
            {s.label}
          </NavLink>
        ))}
      </nav>
      <View userId={userId} />
    </>
  );
}
