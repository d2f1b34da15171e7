// checkCsv: a CSV text against the table it should hold (`kmsim report`, FORMAT.md "CSV conventions").
import { describe, expect, it } from "vitest";
import { checkCsv, splitCsvLine, type TableRule } from "../../src/report/csv-check.js";

const RULE: TableRule = {
  columns: [
    { name: "name", kind: "text" },
    { name: "n", kind: "whole" },
    { name: "x", kind: "number", empty: true },
  ],
  minRows: 1,
  source: "the test",
};

describe("splitCsvLine", () => {
  it("reads quoted fields with commas and doubled quotes, as csvRow writes them", () => {
    expect(splitCsvLine('a,"b,c","say ""hi""",')).toEqual(["a", "b,c", 'say "hi"', ""]);
  });
  it("returns null for a quote that is not closed", () => {
    expect(splitCsvLine('a,"b')).toBeNull();
  });
});

describe("checkCsv(text, rule)", () => {
  it("accepts a sound file, also with CRLF line ends or a BOM", () => {
    expect(checkCsv("name,n,x\na,1,2.5\nb,0,\n", RULE)).toEqual([]);
    expect(checkCsv("\ufeffname,n,x\r\na,1,-0.25\r\n", RULE)).toEqual([]);
  });
  it("names the line and column of a cell of the wrong kind, quoting a short printable excerpt", () => {
    expect(checkCsv("name,n,x\na,1.5,2\nb,2,\u001b[31mred\n", RULE)).toEqual([
      'line 2: n must be a whole number ≥ 0, found "1.5"',
      'line 3: x must be a number or empty, found "\\u001b[31mred"',
    ]);
  });
  it("does not take numbers in exponent notation or with spaces (kmsim never writes them)", () => {
    expect(checkCsv("name,n,x\na,1,1e5\nb,2, 3\n", RULE)).toHaveLength(2);
  });
  it("reports an empty line, a header-only file and a missing final line end", () => {
    expect(checkCsv("name,n,x\na,1,2\n\nb,1,2\n", RULE)).toEqual(["line 3: an empty line"]);
    expect(checkCsv("name,n,x\n", RULE)).toEqual(["line 1: no rows after the header"]);
    expect(checkCsv("name,n,x\na,1,2", RULE)).toEqual(["line 2: the last line has no line end: the file was cut short (kmsim ends every line with \\n)"]);
  });
  it("checks the row count against maxRows", () => {
    expect(checkCsv("name,n,x\na,1,2\nb,1,2\n", { ...RULE, maxRows: 1 })).toEqual(["line 3: 2 rows, expected one"]);
  });
  it("stops at the header when it differs: the rows cannot be read against it", () => {
    expect(checkCsv("name,x,n\na,b,c\n", RULE)).toEqual(['line 1: column 2 is "x", expected "n" as the test implies (it belongs at column 3: columns reordered?)']);
    expect(checkCsv("name,n,x,y\n", RULE)).toEqual(['line 1: column 4 "y" is not a column the test implies (it implies 3)']);
  });
});
