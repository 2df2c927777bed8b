import type { TrackedCategory } from "../../api/types";
import { budgetProgress } from "../../lib/budget";

const BADGE = { on_track: "badge-good", watch: "badge-warn", over: "badge-bad" } as const;

/** One budgeted category: a bar of what is spent, a tick where spending "should" be by today. */
export function BudgetRow({ item, currency }: { item: TrackedCategory; currency: string }) {
  const progress = budgetProgress(item, currency);
  const id = `budget-${item.category}`;
  return (
    <li className="budget-row">
      <div className="panel-header" style={{ marginBottom: "0.3rem" }}>
        <strong id={id}>{item.label}</strong>
        <span className={`badge ${BADGE[item.status]}`}>{progress.statusLabel}</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, progress.usedPct)}
        aria-valuetext={`${progress.usedPct}% of budget used`}
      >
        <div
          className={`progress-fill ${item.status === "on_track" ? "" : item.status}`}
          style={{ width: `${progress.spentPct}%` }}
        />
        <div className="progress-pace" style={{ left: `${progress.pacePct}%` }} title="Expected by today" />
      </div>
      <p className="subtle" style={{ marginTop: "0.3rem" }}>
        {progress.sentence}
      </p>
    </li>
  );
}
