// Text from a file printed on the terminal (FORMAT.md "Commands"): control characters escaped,
// quoted values cut to a short excerpt, one line of bounded length — in one place, terminalLine,
// which formatDiagnostic and the CLI's error printer both use.
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/scenario/diagnostics.js";
import { EXCERPT, MAX_LINE, escapeControls, shortenQuoted, terminalLine } from "../../src/scenario/terminal-text.js";

const ESC = "\u001b";

describe("escapeControls(s)", () => {
  it("escapes ESC, BEL, CR, tab and other C0 controls, DEL, C1 controls (CSI, NEL), line separators and bidi overrides", () => {
    const s = `a${ESC}[31mred\u0007\rb\tc\u007f\u009b\u0085\u2028\u202e\u2066d`;
    expect(escapeControls(s)).toBe("a\\u001b[31mred\\u0007\\u000db\\u0009c\\u007f\\u009b\\u0085\\u2028\\u202e\\u2066d");
  });

  it("turns an OSC 8 hyperlink into inert text", () => {
    const link = `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`;
    expect(escapeControls(link)).toBe("\\u001b]8;;https://evil.example\\u001b\\click\\u001b]8;;\\u001b\\");
    expect(escapeControls(link)).not.toMatch(/[\u0000-\u001f]/);
  });

  it("leaves printable text, accents and emoji alone", () => {
    expect(escapeControls("Zürich — 東京 🙂")).toBe("Zürich — 東京 🙂");
  });
});

describe("shortenQuoted(s)", () => {
  it(`cuts a quoted value longer than 64 characters to its first ${EXCERPT} and "…"`, () => {
    const long = "x".repeat(1000);
    expect(shortenQuoted(`got ${JSON.stringify(long)} (expected an id)`)).toBe(`got "${"x".repeat(EXCERPT)}…" (expected an id)`);
  });

  it("keeps short quoted values and the text between them whole", () => {
    const s = 'unknown key "hots" (did you mean "hosts"?) and "-" and "_"';
    expect(shortenQuoted(s)).toBe(s);
  });

  it("never splits an escape such as \\u001b", () => {
    const value = `${"y".repeat(EXCERPT - 2)}${ESC}${"z".repeat(100)}`;
    const out = shortenQuoted(JSON.stringify(value));
    expect(out).toBe(`"${"y".repeat(EXCERPT - 2)}\\u001b…"`);
  });

  it("handles a quoted value of millions of characters without exhausting the stack", () => {
    const huge = JSON.stringify("a".repeat(5_000_000));
    expect(shortenQuoted(`name: got ${huge}`)).toBe(`name: got "${"a".repeat(EXCERPT)}…"`);
  });
});

describe("terminalLine(s)", () => {
  it(`cuts a line longer than ${MAX_LINE} characters, saying so`, () => {
    const line = terminalLine(`x.yaml: ${"word ".repeat(2000)}`);
    expect(line.length).toBeLessThanOrEqual(MAX_LINE);
    expect(line).toMatch(/… \(line cut: 10008 characters\)$/);
  });

  it("changes nothing more when applied twice", () => {
    const s = `f.yaml: ${JSON.stringify(`${ESC}]8;;x${"q".repeat(500)}`)} ${"w ".repeat(3000)}`;
    expect(terminalLine(terminalLine(s))).toBe(terminalLine(s));
  });
});

describe("formatDiagnostic escapes the file's text (issue 9 item 11)", () => {
  it("shows ESC, BEL, CR and an OSC 8 link from a value escaped, in the path and in the message", () => {
    const d = formatDiagnostic({
      file: "x.yaml",
      path: `strategies[${JSON.stringify(`a${ESC}[2J`)}]`,
      message: `unknown key "${ESC}]8;;https://e.example${ESC}\\\u0007\rhosts"`,
      severity: "error",
    });
    expect(d).toBe('x.yaml: strategies["a\\u001b[2J"]: unknown key "\\u001b]8;;https://e.example\\u001b\\\\u0007\\u000dhosts"');
    expect(d).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it("quotes at most an excerpt of a long value", () => {
    const d = formatDiagnostic({ file: "x.yaml", path: "name", message: `expected an id, got ${JSON.stringify("n".repeat(10_000))}`, severity: "error" });
    expect(d).toBe(`x.yaml: name: expected an id, got "${"n".repeat(EXCERPT)}…"`);
  });
});
