import { useState, type FormEvent } from "react";

/** Opting in takes a ticked box and a press: consent has to be explicit. */
export function GrantForm({ onGrant }: { onGrant: () => Promise<void> }) {
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await onGrant();
    setBusy(false);
  };
  return (
    <form onSubmit={submit} className="consent-form">
      <label className="checkbox">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} /> I agree that SpendSense
        may analyse my account data to show me insights and educational recommendations.
      </label>
      <div className="button-row" style={{ marginTop: "0.7rem" }}>
        <button type="submit" className="primary" disabled={!agreed || busy}>
          {busy ? "Saving…" : "Opt in"}
        </button>
      </div>
    </form>
  );
}

/** Revoking asks once more, so a stray click does not switch everything off. */
export function RevokeControl({ onRevoke }: { onRevoke: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Revoke consent
      </button>
    );
  }
  return (
    <div className="button-row" role="group" aria-label="Confirm revoking consent">
      <span>Stop all processing and hide your recommendations?</span>
      <button
        type="button"
        className="danger"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await onRevoke();
          setBusy(false);
          setConfirming(false);
        }}
      >
        Yes, revoke
      </button>
      <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
        Keep my consent
      </button>
    </div>
  );
}
