import { describe, expect, it } from "vitest";
import { centsToInput, formatMoney, parseMoneyInput } from "./money";

describe("formatMoney", () => {
  it("drops the cents of whole dollars", () => {
    expect(formatMoney(340000)).toBe("$3,400");
  });

  it("keeps two decimals otherwise", () => {
    expect(formatMoney(123456)).toBe("$1,234.56");
    expect(formatMoney(5)).toBe("$0.05");
  });

  it("puts the minus sign before the currency", () => {
    expect(formatMoney(-1200)).toBe("-$12");
  });

  it("adds a plus only when asked", () => {
    expect(formatMoney(4000, { signed: true })).toBe("+$40");
    expect(formatMoney(4000)).toBe("$40");
    expect(formatMoney(0, { signed: true })).toBe("$0");
  });

  it("shortens large amounts for chart axes", () => {
    expect(formatMoney(340000, { compact: true })).toBe("$3.4K");
  });

  it("uses the currency it is given", () => {
    expect(formatMoney(1050, { currency: "EUR" })).toBe("€10.50");
  });
});

describe("parseMoneyInput", () => {
  it.each([
    ["250", 25000],
    ["99.5", 9950],
    ["99.50", 9950],
    ["$1,200", 120000],
    [" 0.07 ", 7],
  ])("reads %j as %i cents", (text, cents) => {
    expect(parseMoneyInput(text)).toBe(cents);
  });

  it.each(["", "abc", "-5", "1.234", "1e3", "12.3.4"])("refuses %j", (text) => {
    expect(parseMoneyInput(text)).toBeNull();
  });

  it("round-trips through centsToInput", () => {
    for (const cents of [0, 7, 9950, 120000]) expect(parseMoneyInput(centsToInput(cents))).toBe(cents);
  });
});
