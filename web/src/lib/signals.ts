// Reading the profile's signal map (`dict[str, Any]` in the API): money in cents, ratios 0-1.

export type Signals = Record<string, unknown>;

export function num(signals: Signals, name: string): number | null {
  const value = signals[name];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function flag(signals: Signals, name: string): boolean {
  return signals[name] === true;
}

export function text(signals: Signals, name: string): string | null {
  const value = signals[name];
  return typeof value === "string" && value !== "" ? value : null;
}
