// Reading exports whatever wrote them (docs/import.md "Reading the files"): UTF-8 with and without
// BOM, UTF-16 LE/BE, ASCII, Windows-1252, CRLF and LF, the #TYPE line; rows keep their file line numbers.
import { describe, expect, it } from "vitest";
import { readCsvRows } from "../../src/import/csv-rows.js";
import { Problems } from "../../src/import/problems.js";
import { decodeExport, exportText } from "../../src/import/read-export.js";

const TEXT = '"Name","OperatingSystem"\r\n"PC1","Windows Server® 2008 Standard"\r\n';

describe("decodeExport", () => {
  it("decodes UTF-8 with and without a BOM, UTF-16 LE and BE with a BOM, and UTF-16 LE without one, to the same text", () => {
    const utf16le = Buffer.from(TEXT, "utf16le");
    const utf16be = Buffer.from(utf16le).swap16();
    const variants = [
      Buffer.from(TEXT, "utf8"),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
      utf16le,
    ];
    for (const bytes of variants) expect(decodeExport(bytes)).toBe(TEXT);
  });

  it("reads bytes that are not UTF-8 as Windows-1252 (an ANSI save: ® is 0xAE)", () => {
    expect(decodeExport(Buffer.from(TEXT, "latin1"))).toBe(TEXT);
  });
});

describe("exportText", () => {
  it("takes the line end from the first line: CRLF or LF as they are, lone CR rewritten to LF", () => {
    expect(exportText("a\r\nb\r\n")).toEqual({ text: "a\r\nb\r\n", firstLine: 1, newline: "\r\n" });
    expect(exportText("a\nb\n")).toEqual({ text: "a\nb\n", firstLine: 1, newline: "\n" });
    expect(exportText("a\rb\rc")).toEqual({ text: "a\nb\nc", firstLine: 1, newline: "\n" });
  });

  it("drops PowerShell 5.1's #TYPE line and starts counting at line 2", () => {
    expect(exportText('#TYPE Microsoft.ActiveDirectory.Management.ADComputer\r\n"Name"\r\n"PC1"\r\n')).toEqual({ text: '"Name"\r\n"PC1"\r\n', firstLine: 2, newline: "\r\n" });
    expect(exportText('"Name"\n').firstLine).toBe(1);
  });
});

describe("readCsvRows", () => {
  const spec = { required: ["Name", "OperatingSystem"] as const, optional: ["Site"] as const };
  const rows = (text: string): { problems: string[]; rows: [string, string, number][] } => {
    const problems = new Problems();
    const out: [string, string, number][] = [];
    readCsvRows("f.csv", exportText(text), spec, problems, (fields, col, line) => {
      out.push([fields[col.Name], col.Site === -1 ? "-" : fields[col.Site], line]);
    });
    return { problems: problems.list(), rows: out };
  };

  it("matches columns case-insensitively, in any order, and marks a missing optional column", () => {
    expect(rows('"operatingsystem","NAME"\r\n"W","PC1"\r\n').rows).toEqual([["PC1", "-", 2]]);
  });

  it("reads LF and lone-CR files alike", () => {
    expect(rows('"Name","OperatingSystem"\n"PC1","W"\n').rows).toEqual([["PC1", "-", 2]]);
    expect(rows('"Name","OperatingSystem"\r"PC1","W"\r').rows).toEqual([["PC1", "-", 2]]);
  });

  it("gives each row its line in the file: after a #TYPE line, blank lines and a quoted line break", () => {
    const text = '#TYPE X\r\n"Name","OperatingSystem"\r\n"PC1","a\r\nb"\r\n\r\n"PC2","W"\r\n';
    expect(rows(text).rows).toEqual([
      ["PC1", "-", 3],
      ["PC2", "-", 6],
    ]);
  });

  it("reads semicolon-delimited exports (Export-Csv -UseCulture on a German system)", () => {
    expect(rows('"Name";"OperatingSystem"\r\n"PC1";"Windows 10 Pro"\r\n').rows).toEqual([["PC1", "-", 2]]);
  });

  it("names the missing columns and the columns found, on the header's line", () => {
    expect(rows('#TYPE X\r\n"Name","OS"\r\n"PC1","W"\r\n').problems).toEqual(["f.csv: line 2: missing column OperatingSystem (columns found: Name, OS)"]);
  });

  it("reports broken quoting on the row's line", () => {
    expect(rows('"Name","OperatingSystem"\r\n"PC1","W"x\r\n"PC2","W"\r\n').problems).toEqual([
      "f.csv: line 2: not a well-formed CSV row: trailing quote on quoted field is malformed",
    ]);
  });

  it("reports a row with too few fields and an empty file", () => {
    expect(rows('"Name","OperatingSystem"\r\n"PC1"\r\n').problems).toEqual(["f.csv: line 2: expected 2 fields as in the header row, got 1"]);
    expect(rows("").problems).toEqual(["f.csv: the file is empty: expected a CSV export with a header row (Export-Csv -NoTypeInformation)"]);
  });
});
