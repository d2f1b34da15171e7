import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvField, csvRow, recordToCsv, toCsv } from "../../src/report/csv.js";

describe("CSV text (FORMAT.md CSV conventions)", () => {
  it("writes the header first and ends every line, the last included, with \\n", () => {
    expect(toCsv(["a", "b"], [[1, "x"], [2.5, ""]])).toBe("a,b\n1,x\n2.5,\n");
    expect(toCsv(["a", "b"], [])).toBe("a,b\n");
  });

  it("formats numbers with formatNumber (6 decimals, no exponent) and null/undefined as empty fields", () => {
    expect(toCsv(["x", "y", "z"], [[2749 / 60, null, 2.5e21]])).toBe("x,y,z\n45.816667,,2500000000000000000000\n");
  });

  it("quotes only when needed: comma, quote, CR, LF, or a leading/trailing space", () => {
    expect(toCsv(["f"], [["plain"], ["a,b"], ['say "hi"'], ["two\nlines"], [" pad"], ["hq-desktops/17#office"]])).toBe(
      'f\nplain\n"a,b"\n"say ""hi"""\n"two\nlines"\n" pad"\nhq-desktops/17#office\n',
    );
  });

  it("recordToCsv writes one row with the record's keys, in order, as the header", () => {
    expect(recordToCsv({ scenario: "s", strategy: "", replication: 0 })).toBe("scenario,strategy,replication\ns,,0\n");
  });

  it("csvRow/csvField quote exactly like papaparse's unparse (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(",", '"', "\n", "\r", " x", "x ", "\ufeff")), { minLength: 1, maxLength: 6 }), (cells) => {
        expect(csvRow(cells)).toBe(Papa.unparse([cells], { newline: "\n" }) + "\n");
      }),
    );
    expect(csvField("")).toBe("");
  });

  it("round-trips through papaparse's parser", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = toCsv(["a", "b"], rows);
        const parsed = Papa.parse<string[]>(text.slice(0, -1), { newline: "\n" }).data;
        expect(parsed).toEqual([["a", "b"], ...rows]);
      }),
    );
  });
});
