// FORMAT.md "Commands": every error is one line `FILE: PATH: message`; file-level errors have no
// PATH; warnings read `FILE: PATH: warning: message`.
import { describe, expect, it } from "vitest";
import { formatDiagnostic, formatPath, joinPath } from "../../src/scenario/diagnostics.js";

describe("formatDiagnostic(d)", () => {
  it("writes an error as FILE: PATH: message", () => {
    expect(
      formatDiagnostic({ file: "two-sites.yaml", path: "hosts[1].outages[0]", message: "end (5d) is before start (10d)", severity: "error" }),
    ).toBe("two-sites.yaml: hosts[1].outages[0]: end (5d) is before start (10d)");
  });

  it("writes a file-level error as FILE: message", () => {
    expect(formatDiagnostic({ file: "x.yaml", path: "", message: "cannot read file (no such file)", severity: "error" })).toBe(
      "x.yaml: cannot read file (no such file)",
    );
  });

  it("writes a warning as FILE: PATH: warning: message", () => {
    expect(formatDiagnostic({ file: "x.yaml", path: "hosts[6].csvlk", message: "7 hosts …", severity: "warning" })).toBe(
      "x.yaml: hosts[6].csvlk: warning: 7 hosts …",
    );
  });
});

describe("formatPath(segments)", () => {
  it("writes list indices in brackets and keys after dots", () => {
    expect(formatPath(["hosts", 1, "outages", 0, "end"])).toBe("hosts[1].outages[0].end");
    expect(formatPath(["strategies", "no-branch-host", "hosts", 0, "site"])).toBe("strategies.no-branch-host.hosts[0].site");
    expect(formatPath(["sites", 1, "srv", "kms-branch"])).toBe("sites[1].srv.kms-branch");
  });

  it("quotes keys that are not plain words", () => {
    expect(formatPath(["strategies", "bad name"])).toBe('strategies["bad name"]');
  });

  it("is empty for the root", () => {
    expect(formatPath([])).toBe("");
  });
});

describe("joinPath(prefix, path)", () => {
  it("joins with a dot, or directly before a bracket", () => {
    expect(joinPath("strategies.a", "hosts[0]")).toBe("strategies.a.hosts[0]");
    expect(joinPath("strategies.a", "")).toBe("strategies.a");
    expect(joinPath("", "hosts[0]")).toBe("hosts[0]");
    expect(joinPath("x", "[0]")).toBe("x[0]");
  });
});
