import { useState, type FormEvent } from "react";
import { centsToInput, parseMoneyInput } from "../../lib/money";

export interface BudgetLine {
  category: string;
  label: string;
  cents: number | null;
}

interface Props {
  month: string;
  lines: BudgetLine[];
  onSave: (amounts: Record<string, number>) => Promise<void>;
  onCancel: () => void;
}

/** Edit a month's budgets: one labelled dollar field per category; an empty field means no budget. */
export function BudgetEditor({ month, lines, onSave, onCancel }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(lines.map((l) => [l.category, l.cents === null ? "" : centsToInput(l.cents)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amounts: Record<string, number> = {};
    const problems: Record<string, string> = {};
    for (const line of lines) {
      const text = values[line.category]?.trim() ?? "";
      if (text === "") continue;
      const cents = parseMoneyInput(text);
      if (cents === null) problems[line.category] = "Enter an amount in dollars, like 250 or 99.50.";
      else if (cents > 0) amounts[line.category] = cents;
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    setFailure(null);
    try {
      await onSave(amounts);
    } catch (caught) {
      setFailure(caught instanceof Error ? caught.message : "Saving failed.");
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label={`Budgets for ${month}`} noValidate>
      <div className="grid">
        {lines.map((line) => {
          const id = `budget-input-${line.category}`;
          const error = errors[line.category];
          return (
            <div className="field" key={line.category}>
              <label htmlFor={id}>{line.label} ($ per month)</label>
              <input
                id={id}
                inputMode="decimal"
                value={values[line.category] ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setValues((v) => ({ ...v, [line.category]: e.target.value }))}
              />
              {error && (
                <span id={`${id}-error`} className="form-error">
                  {error}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="button-row" style={{ marginTop: "0.8rem" }}>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? "Saving…" : "Save budgets"}
        </button>
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
