// Money arrives from the API as integer cents with a currency code. Every amount on screen
// goes through formatMoney, so rounding and signs are decided here and nowhere else.

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, fractionDigits: number, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${fractionDigits}:${compact}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      minimumFractionDigits: compact ? 0 : fractionDigits,
      maximumFractionDigits: compact ? 1 : fractionDigits,
      notation: compact ? "compact" : "standard",
    });
    formatters.set(key, found);
  }
  return found;
}

export interface MoneyOptions {
  currency?: string;
  /** Show a "+" on positive amounts (changes, differences). */
  signed?: boolean;
  /** "$3.4K" for chart axes. */
  compact?: boolean;
}

/** `$1,234.56`, `-$12`, `+$40`: whole dollars drop the cents, like the API's own texts. */
export function formatMoney(cents: number, options: MoneyOptions = {}): string {
  const { currency = "USD", signed = false, compact = false } = options;
  const whole = cents % 100 === 0;
  const text = formatter(currency, whole ? 0 : 2, compact).format(Math.abs(cents) / 100);
  if (cents < 0) return `-${text}`;
  if (signed && cents > 0) return `+${text}`;
  return text;
}

/**
 * A dollars amount typed by a person ("1,200", "$45.5") -> integer cents, or null when it
 * is not a non-negative amount with at most two decimals.
 */
export function parseMoneyInput(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, "").replaceAll(",", "");
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  const [dollars = "0", fraction = ""] = cleaned.split(".");
  return Number(dollars) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Cents -> the text a money input starts with ("1200", "45.50"). */
export function centsToInput(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}
