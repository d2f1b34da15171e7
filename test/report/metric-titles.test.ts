import { describe, expect, it } from "vitest";
import { LOW_COUNT_THRESHOLD, SUMMARY_HOST_SUFFIXES, SUMMARY_LEADING_COLUMNS, SUMMARY_OFFICE_COLUMNS } from "../../src/report/columns.js";
import { OFFICE_LOW_COUNT_THRESHOLD, metricInfo } from "../../src/report/metric-titles.js";

/** Issue 8's new summary columns (appended after the existing ones) and per-host suffixes. */
const RISK_COLUMNS = [
  "failed_attempts",
  "min_validity_left_h",
  "client_hours_unreachable",
  "rejected_0xC004F041",
  "rejected_0xC004F042",
  "office_min_validity_left_h",
  "office_client_hours_unreachable",
];
const RISK_HOST_SUFFIXES = ["rejected", "office_max_count", "office_low_count_h"];

describe("metricInfo: summary columns in words, with units (issue 8 item 4)", () => {
  it.each([
    ["notification_client_days", "client-days in notification"],
    ["failed_attempts", "failed attempts per run"],
    ["kms-hq1_low_count_h", `hours with kms-hq1 below ${LOW_COUNT_THRESHOLD}`],
    ["min_validity_left_h", "lowest validity left at a renewal (hours)"],
    ["clients_lapsed", "clients lapsed (validity ran out)"],
    ["kms-hq1_office_low_count_h", `hours with kms-hq1's Office count below ${OFFICE_LOW_COUNT_THRESHOLD}`],
    ["kms-hq1_office_max_count", "highest Office count on kms-hq1"],
    ["kms-hq1_max_count", "highest count on kms-hq1"],
    ["kms-hq1_downtime_h", "hours kms-hq1 was down"],
  ])("%s reads “%s”", (column, title) => {
    expect(metricInfo(column).title).toBe(title);
  });

  it("the Office threshold is 5 (issue 8: `<host>_office_low_count_h`, hours with the office count below 5)", () => {
    expect(OFFICE_LOW_COUNT_THRESHOLD).toBe(5);
  });

  it("host ids that look like other words stay host ids: `office` and `constructor` are hosts of their per-host columns", () => {
    expect(metricInfo("office_max_count").title).toBe("highest count on office");
    expect(metricInfo("constructor_requests").title).toBe("requests sent to constructor per run");
    expect(metricInfo("office_office_low_count_h").title).toBe(`hours with office's Office count below ${OFFICE_LOW_COUNT_THRESHOLD}`);
  });

  it("every measured column kmsim writes has a title in words and a minimum of 0 (counts, hours and days are never negative)", () => {
    const measured = [
      ...SUMMARY_LEADING_COLUMNS.slice(SUMMARY_LEADING_COLUMNS.indexOf("clients")),
      ...SUMMARY_OFFICE_COLUMNS,
      ...RISK_COLUMNS,
      ...[...SUMMARY_HOST_SUFFIXES, ...RISK_HOST_SUFFIXES].map((s) => `kms1_${s}`),
    ];
    for (const column of measured) {
      const info = metricInfo(column);
      expect(info.title, column).not.toBe(column);
      expect(info.min, column).toBe(0);
    }
  });

  it("client counts are bounded by the clients that joined (Windows by `clients`, Office by `office_clients`)", () => {
    expect(metricInfo("clients_lapsed").maxColumn).toBe("clients");
    expect(metricInfo("never_activated").maxColumn).toBe("clients");
    expect(metricInfo("office_clients_lapsed").maxColumn).toBe("office_clients");
    expect(metricInfo("notification_client_days").maxColumn).toBeNull();
  });

  it("a column kmsim does not know keeps its name and has no known range", () => {
    expect(metricInfo("something_else")).toEqual({ title: "something_else", min: null, maxColumn: null });
  });
});
