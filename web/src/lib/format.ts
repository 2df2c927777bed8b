// Dates, percentages and labels. API dates are ISO calendar dates ("2025-11-03"); they are
// read as calendar dates, never as UTC midnights that a time zone would shift to the day before.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function parts(iso: string): [number, number, number] {
  const [y = "0", m = "1", d = "1"] = iso.slice(0, 10).split("-");
  return [Number(y), Number(m), Number(d)];
}

/** "2025-11-03" -> "Nov 3, 2025". */
export function formatDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** "Nov 3 – 9, 2025", "Oct 28 – Nov 3, 2025", "Dec 29, 2025 – Jan 4, 2026". */
export function formatDateRange(start: string, end: string): string {
  const [y1, m1, d1] = parts(start);
  const [y2, m2, d2] = parts(end);
  if (y1 !== y2) return `${formatDate(start)} – ${formatDate(end)}`;
  if (m1 !== m2) return `${MONTHS[m1 - 1]} ${d1} – ${MONTHS[m2 - 1]} ${d2}, ${y2}`;
  return `${MONTHS[m1 - 1]} ${d1} – ${d2}, ${y2}`;
}

/** "2025-11-03" -> "Mon 3" (chart ticks for a week). */
export function formatWeekday(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d}`;
}

/** "2025-11" -> "Nov 2025"; `short` gives "Nov". */
export function formatMonth(month: string, short = false): string {
  const [y, m] = parts(`${month}-01`);
  return short ? `${MONTHS[m - 1]}` : `${MONTHS[m - 1]} ${y}`;
}

/** An ISO timestamp -> "Nov 3, 2025, 14:05 UTC" (operators compare times across zones). */
export function formatTimestamp(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const hh = String(at.getUTCHours()).padStart(2, "0");
  const mm = String(at.getUTCMinutes()).padStart(2, "0");
  return `${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()}, ${at.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** A ratio (0.68) -> "68%"; null -> "n/a". */
export function formatRatio(ratio: number | null | undefined, digits = 0): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "n/a";
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A percentage that is already ×100 (12.5) -> "+12.5%" / "-3%". */
export function formatChangePct(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return "n/a";
  const rounded = Math.abs(pct) >= 10 ? Math.round(pct) : Math.round(pct * 10) / 10;
  return `${rounded > 0 ? "+" : ""}${rounded}%`;
}

/** "high_utilization" / "FOOD_AND_DRINK" -> "High utilization" / "Food and drink". */
export function humanize(name: string): string {
  const words = name.replaceAll(/[_-]+/g, " ").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "•••• 4523" for an account mask; nothing when the bank gave none. */
export function formatMask(mask: string | null | undefined): string {
  return mask ? `•••• ${mask}` : "";
}
