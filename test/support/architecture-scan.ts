// The architecture scanner behind test/architecture.test.ts (STYLE.md "Our layout"): it strips
// comments, blanks string and regex contents, then checks every import specifier and a few
// forbidden globals against the layer rules. Pure functions over source text, so the rules
// themselves can be tested on synthetic files.
import { builtinModules } from "node:module";
import { posix } from "node:path";

/**
 * The source folders in import order: a folder may import only itself and those to its right.
 * `campaign` (sweeps, journals, shards; shared by compare and sweep) sits right below cli.
 * `import` (the Active Directory importer) is a shell-facing capability beside the CLI: only cli
 * (and campaign) may import it, and nothing below it knows it exists.
 */
export const LAYERS = ["cli", "campaign", "import", "report", "scenario", "kms", "engine"] as const;
export type Layer = (typeof LAYERS)[number];

/** Packages (npm or Node built-in) a folder may import; absent = any package. */
export const ALLOWED_PACKAGES: Partial<Record<Layer, readonly string[]>> = {
  engine: ["fastpriorityqueue", "seedrandom"],
  kms: [],
};

/** Globals a folder must not use (fs is caught as a package import). */
export const FORBIDDEN_GLOBALS: Partial<Record<Layer, readonly string[]>> = {
  engine: ["process", "Date", "Math.random"],
  kms: ["process", "Date", "Math.random"],
};

/** Globals no file in src may use, whatever its folder. */
export const FORBIDDEN_EVERYWHERE: readonly string[] = ["Math.random"];

export interface Violation {
  file: string;
  line: number;
  message: string;
}

export interface ImportRef {
  /** The literal specifier, or null for a computed one (`import(name)`). */
  specifier: string | null;
  /** Offset of the statement in the source. */
  index: number;
}

/** Same-length views of a source: comments blanked (`code`), and also literal contents blanked (`blanked`). */
export interface Views {
  code: string;
  blanked: string;
}

const REGEX_AFTER_KEYWORD = /(?:^|[^\w$.])(?:return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await)$/;

/**
 * Splits a TypeScript source into views that keep every offset: `code` has comments replaced by
 * spaces; `blanked` additionally has the contents of strings, template texts and regex literals
 * replaced by spaces (delimiters and `${ … }` code kept). Newlines are always kept.
 */
export function stripComments(source: string): Views {
  const code = source.split("");
  const blanked = source.split("");
  const blank = (from: number, to: number, both: boolean): void => {
    for (let k = from; k < to; k++) {
      if (source[k] === "\n" || source[k] === "\r") continue;
      blanked[k] = " ";
      if (both) code[k] = " ";
    }
  };
  const templateDepths: number[] = []; // brace depth at which each open `${` returns to its template
  let depth = 0;
  let lastSignificant = -1; // index of the last non-space code character
  let i = 0;
  const n = source.length;

  const scanTemplateText = (start: number): number => {
    // From just after "`" or "}" of a template: up to and including "`" (returns past it), or "${".
    let k = start;
    while (k < n) {
      const c = source[k];
      if (c === "\\") {
        k += 2;
        continue;
      }
      if (c === "`") {
        blank(start, k, false);
        return k + 1;
      }
      if (c === "$" && source[k + 1] === "{") {
        blank(start, k, false);
        templateDepths.push(depth);
        depth++;
        return k + 2;
      }
      k++;
    }
    blank(start, n, false);
    return n;
  };

  while (i < n) {
    const c = source[i];
    const d = source[i + 1];
    if (c === "/" && d === "/") {
      let k = i;
      while (k < n && source[k] !== "\n") k++;
      blank(i, k, true);
      i = k;
      continue;
    }
    if (c === "/" && d === "*") {
      const end = source.indexOf("*/", i + 2);
      const k = end === -1 ? n : end + 2;
      blank(i, k, true);
      i = k;
      continue;
    }
    if (c === '"' || c === "'") {
      let k = i + 1;
      while (k < n && source[k] !== c && source[k] !== "\n") k += source[k] === "\\" ? 2 : 1;
      blank(i + 1, Math.min(k, n), false);
      lastSignificant = k;
      i = k + 1;
      continue;
    }
    if (c === "`") {
      i = scanTemplateText(i + 1);
      lastSignificant = i - 1;
      continue;
    }
    if (c === "{") {
      depth++;
    } else if (c === "}") {
      depth--;
      if (templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === depth) {
        templateDepths.pop();
        i = scanTemplateText(i + 1);
        lastSignificant = i - 1;
        continue;
      }
    } else if (c === "/") {
      const prev = lastSignificant < 0 ? "" : source[lastSignificant];
      const before = source.slice(Math.max(0, lastSignificant - 11), lastSignificant + 1);
      const isRegex = prev === "" || "(,=:[!&|?{};+-*%<>~^".includes(prev) || REGEX_AFTER_KEYWORD.test(before);
      if (isRegex) {
        let k = i + 1;
        let inClass = false;
        while (k < n && source[k] !== "\n") {
          const r = source[k];
          if (r === "\\") {
            k += 2;
            continue;
          }
          if (r === "[") inClass = true;
          else if (r === "]") inClass = false;
          else if (r === "/" && !inClass) break;
          k++;
        }
        blank(i + 1, Math.min(k, n), false);
        lastSignificant = k;
        i = k + 1;
        continue;
      }
    }
    if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") lastSignificant = i;
    i++;
  }
  return { code: code.join(""), blanked: blanked.join("") };
}

/** Every import specifier of a source: static imports and re-exports, side-effect, dynamic and require. */
export function findImports(views: Views): ImportRef[] {
  const { code, blanked } = views;
  const out: ImportRef[] = [];
  const literalAt = (quote: number): string | null => {
    const q = blanked[quote];
    const end = blanked.indexOf(q, quote + 1);
    if (end === -1) return null;
    if (q === "`" && blanked.slice(quote, end).includes("${")) return null;
    return code.slice(quote + 1, end);
  };
  for (const m of blanked.matchAll(/(?<![\w$.])(?:from|import)\s*(["'])/g)) {
    out.push({ specifier: literalAt(m.index + m[0].length - 1), index: m.index });
  }
  for (const m of blanked.matchAll(/(?<![\w$.])(?:import|require)\s*\(\s*(["'`]?)/g)) {
    const quoted = m[1] !== "";
    out.push({ specifier: quoted ? literalAt(m.index + m[0].length - 1) : null, index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Offsets where a forbidden global is used in code (not as a property, object key or in text). */
export function findGlobal(views: Views, name: string): number[] {
  const escaped = name.replace(/\./g, "\\s*\\.\\s*");
  const direct = new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])(?!\\s*\\??:(?!:))`, "g");
  const viaGlobal = new RegExp(`\\bglobalThis\\s*\\.\\s*${escaped}(?![\\w$])`, "g");
  const hits = [...views.blanked.matchAll(direct), ...views.blanked.matchAll(viaGlobal)].map((m) => m.index);
  return hits.sort((a, b) => a - b);
}

/** The layer of a path relative to src (e.g. `kms/catalog/rules.ts` → kms), or null. */
export function layerOf(pathInSrc: string): Layer | null {
  const first = pathInSrc.split("/")[0];
  return (LAYERS as readonly string[]).includes(first) && pathInSrc.includes("/") ? (first as Layer) : null;
}

/** The package a bare specifier names: `node:fs/promises` → fs, `@scope/pkg/x` → @scope/pkg, `yaml` → yaml. */
export function packageOf(specifier: string): string {
  const bare = specifier.startsWith("node:") ? specifier.slice(5) : specifier;
  const parts = bare.split("/");
  return bare.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(packageOf(specifier));
}

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let k = 0; k < index; k++) if (source[k] === "\n") line++;
  return line;
}

/** Checks one file (path relative to src, posix separators) against every architecture rule. */
export function checkFile(pathInSrc: string, source: string): Violation[] {
  const file = `src/${pathInSrc}`;
  const views = stripComments(source);
  const violations: Violation[] = [];
  const report = (index: number, message: string): void => {
    violations.push({ file, line: lineAt(source, index), message });
  };
  const layer = layerOf(pathInSrc);
  if (layer === null) report(0, `is outside the known folders ${LAYERS.join(", ")}`);

  for (const ref of findImports(views)) {
    const spec = ref.specifier;
    if (spec === null) {
      report(ref.index, "has an import with a computed specifier (the architecture test cannot check it)");
      continue;
    }
    if (spec.startsWith(".")) {
      const target = posix.normalize(posix.join(posix.dirname(pathInSrc), spec));
      if (target.startsWith("../") || target === "..") {
        report(ref.index, `imports ${spec}, outside src`);
        continue;
      }
      const targetLayer = layerOf(target);
      if (targetLayer === null) {
        report(ref.index, `imports ${spec}, outside the known folders ${LAYERS.join(", ")}`);
      } else if (layer !== null && LAYERS.indexOf(targetLayer) < LAYERS.indexOf(layer)) {
        report(ref.index, `imports ${spec}: ${layer} must not import ${targetLayer} (imports flow ${LAYERS.join(" → ")})`);
      }
      continue;
    }
    if (spec.startsWith("/")) {
      report(ref.index, `imports the absolute path ${spec}`);
      continue;
    }
    const allowed = layer === null ? undefined : ALLOWED_PACKAGES[layer];
    const pkg = packageOf(spec);
    if (allowed !== undefined && !allowed.includes(pkg)) {
      const what = isBuiltin(spec) ? `the Node built-in ${spec}${pkg === "fs" ? " (uses fs)" : ""}` : `the package ${pkg}`;
      const may = allowed.length === 0 ? "no package" : `only ${allowed.join(", ")}`;
      report(ref.index, `imports ${what}: ${layer} may import ${may}`);
    }
  }

  const globals = new Set<string>([...FORBIDDEN_EVERYWHERE, ...(layer === null ? [] : (FORBIDDEN_GLOBALS[layer] ?? []))]);
  for (const name of globals) {
    for (const index of findGlobal(views, name)) {
      report(index, `uses ${name}${layer !== null && FORBIDDEN_GLOBALS[layer]?.includes(name) ? ` (${layer} must not)` : " (nowhere in src)"}`);
    }
  }
  return violations.sort((a, b) => a.line - b.line);
}

/** Formats violations one per line, as `src/kms/x.ts:3: imports …`. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.file}:${v.line}: ${v.message}`).join("\n");
}
