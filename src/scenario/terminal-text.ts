// Text from the user's files made safe to print on a terminal (FORMAT.md "Commands"): every
// character a terminal may act on is shown escaped, and a long quoted value is cut to a short
// excerpt, so a file can neither drive the terminal (ESC sequences, OSC 8 links, BEL, CR that
// overwrites the line, bidi overrides that reorder it) nor flood stderr with a 50 MB scalar.
// formatDiagnostic and the CLI's error printer pass every line through terminalLine.

/**
 * C0 controls (tab and line breaks included: one message, one line), DEL, C1 controls (U+0085 NEL,
 * U+009B CSI …), the Unicode line and paragraph separators, and the bidi embedding, override and
 * isolate controls.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A quoted value longer than this (in characters between the quotes) is cut… */
const QUOTE_LIMIT = 64;
/** …to its first EXCERPT characters and "…". */
export const EXCERPT = 60;
/** The longest line printed; a longer one (no single value, but very many) is cut. */
export const MAX_LINE = 4000;

/** Every unsafe character written as `\uXXXX` (ESC → `\u001b`, CR → `\u000d`). */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Cuts at `at` without splitting a surrogate pair. */
function cutAt(s: string, at: number): string {
  const code = s.charCodeAt(at - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? at - 1 : at);
}

/**
 * Every double-quoted literal (as JSON.stringify writes values in messages) longer than
 * QUOTE_LIMIT characters cut to its first EXCERPT characters and "…"; an escape such as `\u001b`
 * is never split. A scan, not a regular expression: a 50 MB literal must not exhaust the stack.
 */
export function shortenQuoted(s: string): string {
  if (s.length <= QUOTE_LIMIT) return s;
  let out = "";
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('"', i);
    if (open === -1) break;
    let j = open + 1;
    let cut = -1;
    while (j < s.length && s[j] !== '"') {
      if (cut === -1 && j - open - 1 >= EXCERPT) cut = j;
      j += s[j] !== "\\" ? 1 : s[j + 1] === "u" ? 6 : 2;
    }
    if (j >= s.length) break; // an unpaired quote: the rest is plain text
    if (j - open - 1 > QUOTE_LIMIT && cut !== -1) out += `${cutAt(s.slice(i, cut), cut - i)}…"`;
    else out += s.slice(i, j + 1);
    i = j + 1;
  }
  return out + s.slice(i);
}

/**
 * One line of output built from the user's text, safe for a terminal: quoted values shortened,
 * controls escaped, at most MAX_LINE characters. Applying it twice changes nothing more.
 */
export function terminalLine(s: string): string {
  const line = escapeControls(shortenQuoted(s));
  if (line.length <= MAX_LINE) return line;
  return `${cutAt(line, MAX_LINE - 40)}… (line cut: ${line.length} characters)`;
}
