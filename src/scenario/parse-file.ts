// Scenario file text → plain data (FORMAT.md "Scenario file (YAML or JSON, same schema)"), with
// syntax errors as `FILE: line N: message`. YAML is read with the `yaml` package (YAML 1.2 core
// schema, so `2021-06-08` stays a string; `<<` merge keys allowed; duplicate keys are errors);
// JSON with JSON.parse, after a small scanner that locates syntax errors and duplicate keys the
// same way on every Node version. The file itself is read by read-user-file.ts (stat first, size
// limit, byte cap).
import { extname } from "node:path";
import { isAlias, isNode, parseDocument, visit, type Document } from "yaml";
import { errorAt, type Diagnostic } from "./diagnostics.js";
import { readUserFile, SCENARIO_FILE_MAX_BYTES } from "./read-user-file.js";

export type ScenarioFormat = "yaml" | "json";

/** `aliases`: how many YAML alias nodes (`*name`) the file holds (0 for JSON). */
export type ParsedFile = { ok: true; data: unknown; aliases: number } | { ok: false; errors: Diagnostic[] };

/** The yaml package's limit on alias expansion (its maxAliasCount), against "billion laughs" files. */
const MAX_ALIAS_COUNT = 10_000;

/** `.json` (any case) is JSON; anything else is YAML. */
export function formatOf(path: string): ScenarioFormat {
  return extname(path).toLowerCase() === ".json" ? "json" : "yaml";
}

/** 1-based line and column of a character offset. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

function lowerFirst(message: string): string {
  return /^[A-Z][a-z]/.test(message) ? message[0].toLowerCase() + message.slice(1) : message;
}

function syntaxError(file: string, line: number, col: number, message: string): Diagnostic {
  return errorAt(file, `line ${line}`, `${message} (column ${col})`);
}

/**
 * The most lines and commas a YAML file may have before it is parsed. Parsing builds a node of
 * about a kilobyte per value (8 MiB of `[0,0,…]` took 4 GB), and every value needs a line or a
 * comma of its own (two at most share one, `key: value`), so this bounds the parse; a scenario at
 * every size limit (FORMAT.md "Limits") has about 85 000.
 */
export const MAX_YAML_ITEMS = 500_000;

/** Lines plus commas, stopping past MAX_YAML_ITEMS. */
function yamlItems(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= MAX_YAML_ITEMS; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44) n++;
  }
  return n;
}

function parseYaml(text: string, file: string): ParsedFile {
  if (yamlItems(text) > MAX_YAML_ITEMS) {
    return {
      ok: false,
      errors: [errorAt(file, "", `the file has more than ${MAX_YAML_ITEMS} lines and commas (YAML items), far more than a scenario within the limits needs (FORMAT.md "Limits"); it is not parsed`)],
    };
  }
  // logLevel "error": the yaml package would otherwise print its warnings (e.g. a collection used
  // as a key) on stderr, outside kmsim's one-line diagnostics.
  const doc = parseDocument(text, { merge: true, prettyErrors: true, uniqueKeys: true, logLevel: "error" });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const message = lowerFirst(e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""));
        const pos = e.linePos?.[0] ?? lineCol(text, e.pos[0]);
        return syntaxError(file, pos.line, pos.col, message);
      }),
    };
  }
  const { unresolved, aliases } = checkAliases(doc, text, file);
  if (unresolved.length > 0) return { ok: false, errors: unresolved };
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), aliases };
  } catch (e) {
    // The yaml package throws "Excessive alias count indicates a resource exhaustion attack" when
    // an anchor's uses, times the aliases nested in what it repeats, pass maxAliasCount; it can
    // only arise from aliases, so say what was counted rather than suspect an attack.
    const message = e instanceof Error ? e.message : String(e);
    const said = /Excessive alias count/.test(message)
      ? `YAML aliases expand too much: an anchor is repeated, counting the aliases inside what it repeats, more than ${MAX_ALIAS_COUNT} times (a guard against alias bombs); write repeated values out instead of using *aliases`
      : lowerFirst(message);
    return { ok: false, errors: [errorAt(file, "", said)] };
  }
}

/** Aliases with no anchor before them, and the number of aliases, in one pass over the document (anchors in document order). */
function checkAliases(doc: Document, text: string, file: string): { unresolved: Diagnostic[]; aliases: number } {
  const out: Diagnostic[] = [];
  const anchors = new Set<string>();
  let aliases = 0;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      aliases++;
      if (!anchors.has(node.source)) {
        const at = lineCol(text, node.range?.[0] ?? 0);
        out.push(syntaxError(file, at.line, at.col, `unknown alias *${node.source}: no anchor &${node.source} before it`));
      }
    } else if (isNode(node) && node.anchor !== undefined) {
      anchors.add(node.anchor);
    }
  });
  return { unresolved: out, aliases };
}

/** A JSON syntax error found by scanJson: where, and what was expected. */
interface JsonProblem {
  readonly offset: number;
  readonly message: string;
}

/**
 * Checks JSON text (RFC 8259) and returns the first problem, duplicate keys included, or null when
 * it is valid. JSON.parse does the actual parsing; this only says where it went wrong.
 */
export function scanJson(text: string): JsonProblem | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const here = (): string => (i >= text.length ? "the end of the file" : JSON.stringify(text[i]));
  class Stop {
    constructor(readonly problem: JsonProblem) {}
  }
  const stop = (message: string, offset = i): never => {
    throw new Stop({ offset, message });
  };
  const str = (): string => {
    const from = i;
    i++; // opening quote
    let out = "";
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) stop("invalid \\u escape in a string");
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) stop(`invalid escape \\${e ?? ""} in a string`);
        out += e;
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) stop("line break or control character inside a string");
      out += c;
      i++;
    }
    return stop("unterminated string", from);
  };
  const value = (depth: number): void => {
    if (depth > 1000) stop("nested too deeply");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      const keys = new Set<string>();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') stop(`expected a key in double quotes, got ${here()}`);
        const keyAt = i;
        const key = str();
        if (keys.has(key)) stop(`duplicate key ${JSON.stringify(key)}`, keyAt);
        keys.add(key);
        ws();
        if (text[i] !== ":") stop(`expected ":" after a key, got ${here()}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        stop(`expected "," or "}" after a value, got ${here()}`);
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        stop(`expected "," or "]" after a list item, got ${here()}`);
      }
    }
    if (c === '"') {
      str();
      return;
    }
    const literal = /^(true|false|null)/.exec(text.slice(i, i + 5));
    if (literal) {
      i += literal[0].length;
      return;
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number && number[0] !== "-") {
      i += number[0].length;
      return;
    }
    stop(`expected a value, got ${here()}`);
  };
  try {
    value(0);
    ws();
    if (i < text.length) stop(`unexpected ${here()} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    throw e;
  }
}

function parseJson(text: string, file: string): ParsedFile {
  const problem = scanJson(text);
  if (problem !== null) {
    const at = lineCol(text, problem.offset);
    return { ok: false, errors: [syntaxError(file, at.line, at.col, problem.message)] };
  }
  try {
    return { ok: true, data: JSON.parse(text), aliases: 0 };
  } catch (e) {
    return { ok: false, errors: [errorAt(file, "", e instanceof Error ? e.message : String(e))] };
  }
}

/**
 * Parses scenario text as YAML or JSON into plain data. `file` names the file in messages; a
 * syntax error reads `FILE: line 12: message (column 5)`. A leading byte-order mark is ignored.
 */
export function parseScenarioText(text: string, file: string, format: ScenarioFormat): ParsedFile {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.exec(body);
  if (control !== null) {
    // Neither YAML nor JSON allows these raw in a file (YAML 1.2 §5.1, RFC 8259): a binary file or
    // /proc/self/environ (NUL-separated) is refused here, before its text can be echoed anywhere.
    const at = lineCol(body, control.index);
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return { ok: false, errors: [syntaxError(file, at.line, at.col, `control character U+${code}: a scenario file is text, and YAML and JSON allow no control character but tab and line breaks (is it a binary file?)`)] };
  }
  return format === "json" ? parseJson(body, file) : parseYaml(body, file);
}

/**
 * Reads and parses a scenario file (format by extension: `.json` is JSON, anything else YAML).
 * `path` is used as typed in every message; an unreadable file is `FILE: cannot read file (…)`,
 * a file over SCENARIO_FILE_MAX_BYTES `FILE: the file is N bytes, more than …`.
 */
export function readScenarioFile(path: string): ParsedFile {
  const read = readUserFile(path, SCENARIO_FILE_MAX_BYTES, "a scenario file");
  if (!read.ok) return { ok: false, errors: [errorAt(path, "", read.message)] };
  return parseScenarioText(read.bytes.toString("utf8"), path, formatOf(path));
}
