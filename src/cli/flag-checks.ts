// Checks of the command line that yargs does not make itself (FORMAT.md "Commands": a bad flag exits
// 2): a "did you mean" hint for a mistyped flag, and number flags that hold a number. yargs turns
// `--seed abc` into NaN and `--seed ""` into 0 without a word, so the raw words are checked.
import { closest } from "../scenario/suggest.js";

/** The part of yargs' parsing context the checks read (its getOptions() is not in @types/yargs). */
export interface ParsingContext {
  getOptions(): { readonly key: Readonly<Record<string, unknown>>; readonly number: readonly string[] };
}

/**
 * yargs' "Unknown argument(s): a, b" as kmsim's message, with the closest known flag of the command
 * for each (`--strategie` → did you mean --strategy?); null when the message is about something else.
 */
export function unknownFlagMessage(message: string, knownFlags: readonly string[], rawArgv: readonly string[]): string | null {
  const m = /^Unknown arguments?: (.+)$/.exec(message);
  if (m === null) return null;
  const flags = knownFlags.filter((f) => f.length > 1);
  const typed = (word: string): string | undefined =>
    rawArgv.find((t) => t === `--${word}` || t.startsWith(`--${word}=`) || (word.length === 1 && /^-[A-Za-z]+$/.test(t) && t.includes(word)));
  const parts = m[1].split(", ").map((word) => {
    // yargs names an extra positional word the same way; only a flag gets dashes and a hint.
    if (typed(word) === undefined) return JSON.stringify(word);
    const hint = closest(word, flags);
    const shown = word.length > 1 ? `--${word}` : `-${word}`;
    return hint === undefined ? shown : `${shown} (did you mean --${hint}?)`;
  });
  return `kmsim: unknown ${parts.length === 1 ? "argument" : "arguments"}: ${parts.join(", ")}`;
}

/** A decimal number as a user types it: `12`, `-3`, `0.5` (not `0x10`, `1e3`, `` or a word). */
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * Every number flag (`--seed 12`, `--workers=4`) whose raw word is not a number, as a message
 * naming the flag and what was given; words after `--` are positional and not looked at.
 */
export function numberFlagProblems(rawArgv: readonly string[], numberFlags: readonly string[]): string[] {
  const wanted = new Set(numberFlags);
  const problems: string[] = [];
  for (let i = 0; i < rawArgv.length; i++) {
    const token = rawArgv[i];
    if (token === "--") break;
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(token);
    if (m === null || !wanted.has(m[1])) continue;
    const value = m[2] ?? (i + 1 < rawArgv.length && !rawArgv[i + 1].startsWith("--") ? rawArgv[++i] : undefined);
    if (value === undefined) problems.push(`kmsim: --${m[1]} expects a number, got nothing`);
    else if (!NUMBER.test(value)) problems.push(`kmsim: --${m[1]} expects a number, got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`);
  }
  return problems;
}
