import type { ReactNode } from "react";

/** One headline number with its label and an optional note underneath. */
export function Stat({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {note !== undefined && <div className="stat-note">{note}</div>}
    </div>
  );
}
