import { describe, expect, it } from "vitest";
import {
  formatChangePct,
  formatDate,
  formatDateRange,
  formatMask,
  formatMonth,
  formatRatio,
  formatTimestamp,
  formatWeekday,
  humanize,
} from "./format";

describe("dates", () => {
  it("reads an ISO date as a calendar day, whatever the time zone", () => {
    expect(formatDate("2025-01-01")).toBe("Jan 1, 2025");
    expect(formatDate("2025-12-31")).toBe("Dec 31, 2025");
  });

  it("names the weekday of a date", () => {
    expect(formatWeekday("2025-11-03")).toBe("Mon 3");
    expect(formatWeekday("2025-11-09")).toBe("Sun 9");
  });

  it("formats months long and short", () => {
    expect(formatMonth("2025-06")).toBe("Jun 2025");
    expect(formatMonth("2025-06", true)).toBe("Jun");
  });

  it("shortens date ranges", () => {
    expect(formatDateRange("2025-11-03", "2025-11-09")).toBe("Nov 3 – 9, 2025");
    expect(formatDateRange("2025-10-28", "2025-11-03")).toBe("Oct 28 – Nov 3, 2025");
    expect(formatDateRange("2025-12-29", "2026-01-04")).toBe("Dec 29, 2025 – Jan 4, 2026");
  });

  it("shows timestamps in UTC", () => {
    expect(formatTimestamp("2025-01-31T23:05:00Z")).toBe("Jan 31, 2025, 23:05 UTC");
  });
});

describe("numbers and names", () => {
  it("formats ratios and missing values", () => {
    expect(formatRatio(0.68)).toBe("68%");
    expect(formatRatio(0.0312, 1)).toBe("3.1%");
    expect(formatRatio(null)).toBe("n/a");
  });

  it("signs percentage changes", () => {
    expect(formatChangePct(12.46)).toBe("+12%");
    expect(formatChangePct(-3.14)).toBe("-3.1%");
    expect(formatChangePct(null)).toBe("n/a");
  });

  it("turns codes into words", () => {
    expect(humanize("FOOD_AND_DRINK")).toBe("Food and drink");
    expect(humanize("semi_monthly")).toBe("Semi monthly");
  });

  it("masks account numbers", () => {
    expect(formatMask("4523")).toBe("•••• 4523");
    expect(formatMask(null)).toBe("");
  });
});
