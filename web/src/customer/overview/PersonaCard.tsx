import type { ProfileView } from "../../api/types";
import { describeBehaviours } from "../../lib/behaviours";
import { PERSONAS, personaName, personaReasons } from "../../lib/personas";

/** The 30-day persona, why it fits (the customer's own numbers), and the 6-month one when it differs. */
export function PersonaCard({ windows }: { windows: ProfileView["windows"] }) {
  const recent = windows["30d"];
  const longer = windows["180d"];
  const id = recent?.primary_persona ?? longer?.primary_persona ?? null;
  const source = recent?.primary_persona ? recent : longer;
  if (!id || !source) {
    return (
      <div className="panel persona">
        <h2>Your focus</h2>
        <p>
          Nothing stands out in your accounts right now, so we'll show general money basics: budgeting and reading your
          statements.
        </p>
      </div>
    );
  }
  const info = PERSONAS[id];
  const window = source === recent ? "30d" : "180d";
  const reasons = personaReasons(id, describeBehaviours(source.signals, window));
  const longerId = longer?.primary_persona;
  return (
    <div className="panel persona">
      <p className="subtle">Your focus right now</p>
      <h2>{personaName(id)}</h2>
      {info && <p>{info.summary}</p>}
      {reasons.length > 0 && (
        <div className="because">
          <strong>Why: </strong>
          {reasons.map((r) => r.text).join(" ")}
        </div>
      )}
      {info && <p className="subtle">What we'll help with: {info.focus}</p>}
      {longerId && longerId !== id && window === "30d" && (
        <p className="subtle">Over the last 6 months, your pattern looks more like {personaName(longerId)}.</p>
      )}
    </div>
  );
}
