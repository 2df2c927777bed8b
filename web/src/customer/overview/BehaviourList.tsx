import { describeBehaviours } from "../../lib/behaviours";
import type { Signals } from "../../lib/signals";

export function BehaviourList({ signals, window }: { signals: Signals; window: string }) {
  const behaviours = describeBehaviours(signals, window);
  if (behaviours.length === 0) return <p className="empty">Nothing to report for this period yet.</p>;
  return (
    <ul className="behaviours">
      {behaviours.map((b) => (
        <li key={b.text}>
          <span
            className={`dot ${b.tone === "attention" ? "watch" : b.tone === "positive" ? "good" : ""}`}
            aria-hidden="true"
          />
          <span>{b.text}</span>
        </li>
      ))}
    </ul>
  );
}
