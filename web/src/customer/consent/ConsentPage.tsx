import { useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { grantConsent, revokeConsent } from "../../api/customer";
import type { ConsentView } from "../../api/types";
import { useConsent } from "./ConsentContext";
import { ConsentHistory } from "./ConsentHistory";
import { GrantForm, RevokeControl } from "./ConsentControls";

interface ArrivedFrom {
  required?: boolean;
  from?: string;
}

export default function ConsentPage() {
  const { consent, update } = useConsent();
  return (
    <>
      <div className="page-title">
        <h1>Privacy & consent</h1>
      </div>
      <Consent consent={consent} onChange={update} />
    </>
  );
}

function Consent({ consent, onChange }: { consent: ConsentView; onChange: (view: ConsentView) => void }) {
  const navigate = useNavigate();
  const arrived = (useLocation().state ?? {}) as ArrivedFrom;
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<ConsentView>, after?: () => void) => {
    setError(null);
    try {
      onChange(await action());
      after?.();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "That did not work. Try again.");
    }
  };

  return (
    <>
      {arrived.required && !consent.granted && (
        <p className="notice" role="status">
          SpendSense needs your consent before it can look at your accounts and show you insights.
        </p>
      )}
      <div className="panel">
        <h2>{consent.granted ? "You have opted in" : "You have not opted in"}</h2>
        <p>
          With your consent, SpendSense reads your accounts, transactions and card details to spot patterns (like
          subscriptions, savings and card use) and to suggest educational content. It is education, not financial
          advice. You can revoke consent at any time: processing stops and your recommendations are hidden.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {consent.granted ? (
          <RevokeControl onRevoke={() => run(() => revokeConsent(consent.user_id))} />
        ) : (
          <GrantForm
            onGrant={() =>
              run(
                () => grantConsent(consent.user_id, "opted in on the web"),
                () => navigate(arrived.from ?? `/customers/${encodeURIComponent(consent.user_id)}`),
              )
            }
          />
        )}
      </div>
      <ConsentHistory history={consent.history} />
    </>
  );
}
