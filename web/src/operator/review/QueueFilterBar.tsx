import type { QueueFilters } from "../../api/operator";
import type { Window } from "../../api/types";
import { PERSONAS } from "../../lib/personas";

type Filters = Omit<QueueFilters, "limit" | "offset">;

export function QueueFilterBar({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const set = <K extends keyof Filters>(key: K, value: string) =>
    onChange({ ...filters, [key]: value === "" ? undefined : (value as Filters[K]) });
  return (
    <div className="panel toolbar" role="search" aria-label="Filter the queue">
      <div className="field">
        <label htmlFor="q-status">Status</label>
        <select id="q-status" value={filters.status ?? ""} onChange={(e) => set("status", e.target.value)}>
          <option value="">Pending and flagged</option>
          <option value="pending">Pending</option>
          <option value="flagged">Flagged</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="q-kind">Kind</label>
        <select id="q-kind" value={filters.kind ?? ""} onChange={(e) => set("kind", e.target.value)}>
          <option value="">All</option>
          <option value="education">Education</option>
          <option value="offer">Partner offers</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="q-window">Window</label>
        <select
          id="q-window"
          value={filters.window ?? ""}
          onChange={(e) => set("window", e.target.value as Window | "")}
        >
          <option value="">Both</option>
          <option value="30d">30 days</option>
          <option value="180d">180 days</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="q-persona">Persona</label>
        <select id="q-persona" value={filters.persona ?? ""} onChange={(e) => set("persona", e.target.value)}>
          <option value="">Any</option>
          {Object.entries(PERSONAS).map(([id, info]) => (
            <option key={id} value={id}>
              {info.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
