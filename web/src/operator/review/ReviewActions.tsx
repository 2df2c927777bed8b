import { useId, useState, type FormEvent } from "react";
import type { Action } from "../../api/operator";

const LABEL: Record<Action, string> = { approve: "Approve", flag: "Flag", reject: "Reject", override: "Override" };
const STYLE: Record<Action, string> = { approve: "good", flag: "warn", reject: "danger", override: "" };
/** Which actions each status allows (spendsense.operator.actions.ALLOWED_FROM). */
const ALLOWED: Record<string, Action[]> = {
  pending: ["approve", "flag", "reject", "override"],
  flagged: ["approve", "reject", "override"],
  approved: ["flag", "reject", "override"],
  rejected: ["override"],
};

interface Props {
  status: string;
  title: string;
  onAct: (action: Action, reason: string, replacementItemId?: string) => Promise<void>;
}

/**
 * The decision form: a reason (required for everything but approve: it goes to the audit
 * log), an action, and for an override the catalog item to show instead.
 */
export function ReviewActions({ status, title, onAct }: Props) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [replacement, setReplacement] = useState("");
  const [overriding, setOverriding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = ALLOWED[status] ?? [];

  const run = async (action: Action) => {
    if (action !== "approve" && !reason.trim()) {
      setProblem(`Write a reason to ${LABEL[action].toLowerCase()}: it is kept in the audit log.`);
      return;
    }
    if (action === "override" && !replacement.trim()) {
      setProblem("Name the catalog item to show instead.");
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await onAct(action, reason.trim(), action === "override" ? replacement.trim() : undefined);
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : "The decision was not saved.");
    } finally {
      setBusy(false);
    }
  };

  const submitOverride = (event: FormEvent) => {
    event.preventDefault();
    void run("override");
  };

  return (
    <form className="review-actions" onSubmit={submitOverride} aria-label={`Decide on ${title}`}>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <input
          id={`${id}-reason`}
          value={reason}
          placeholder="Required for flag, reject and override"
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
      </div>
      <div className="button-row">
        {allowed
          .filter((action) => action !== "override")
          .map((action) => (
            <button key={action} type="button" className={STYLE[action]} disabled={busy} onClick={() => run(action)}>
              {LABEL[action]}
            </button>
          ))}
        {allowed.includes("override") && (
          <button type="button" disabled={busy} aria-expanded={overriding} onClick={() => setOverriding((v) => !v)}>
            Override…
          </button>
        )}
      </div>
      {overriding && (
        <div className="field" style={{ gridColumn: "1 / -1" }}>
          <label htmlFor={`${id}-replacement`}>Replacement catalog item id</label>
          <div className="button-row">
            <input
              id={`${id}-replacement`}
              value={replacement}
              placeholder="e.g. edu_debt_avalanche"
              onChange={(e) => setReplacement(e.target.value)}
            />
            <button type="submit" disabled={busy}>
              Override with this item
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p id={`${id}-problem`} className="form-error" role="alert" style={{ gridColumn: "1 / -1" }}>
          {problem}
        </p>
      )}
    </form>
  );
}
