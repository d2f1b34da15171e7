// Chart rendering shared by the run chart (run-chart/) and the comparison chart: a Vega-Lite spec
// compiled with vega-lite and rendered headless with vega (renderer "none", text widths
// estimated, no canvas) to SVG, and the self-contained HTML page around it. Deterministic: the
// same spec gives byte-identical output (vega's clip/gradient id counters are reset before each
// render and renders never interleave). vega and vega-lite are imported on first render only.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TopLevelSpec } from "vega-lite";
import { loadCommonJsBundle, writeCodeCache } from "./code-cached-bundle.js";

/** File names of the run chart inside a run folder. */
export const CHART_SVG = "chart.svg";
export const CHART_HTML = "chart.html";

/** The vega runtime's text-metrics switch (untyped in vega-typings). */
interface TextMetricsHolder {
  readonly textMetrics?: { canvas(use: boolean): void };
}

/** A vega / vega-lite logger that collects warnings and errors instead of printing them (stderr stays clean). */
class CollectingLogger {
  readonly messages: string[] = [];
  private lvl = 2; // vega's Warn

  level(level?: number): number | this {
    if (level === undefined) return this.lvl;
    this.lvl = level;
    return this;
  }
  private add(kind: string, args: unknown[]): this {
    this.messages.push(`${kind}: ${args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}`);
    return this;
  }
  error(...args: unknown[]): this {
    return this.add("error", args);
  }
  warn(...args: unknown[]): this {
    return this.lvl >= 2 ? this.add("warn", args) : this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

/** The types of the bundle (chart-libraries.d.ts). */
type ChartLibraries = typeof import("./chart-libraries.js");

/** Where `npm run build` puts vega and vega-lite as one CommonJS bundle (scripts/bundle-chart-libraries.js). */
const CHART_BUNDLE = fileURLToPath(new URL("./chart-libraries.cjs", import.meta.url));

let libraries: Promise<ChartLibraries> | undefined;

/**
 * vega and vega-lite, loaded on first use: vega takes most of a second to import, and most
 * commands never draw. The compiled CLI has them as one bundle next to this file, loaded through
 * V8's code cache (code-cached-bundle.ts: same code, far fewer files for the module loader and
 * nothing to compile); run from source (tests), the packages themselves.
 * KMSIM_WRITE_CHART_CODE_CACHE=1 is the build's switch (scripts/chart-code-cache.js): the process
 * saves the bundle's code cache as it exits, after it has drawn.
 */
function chartLibraries(): Promise<ChartLibraries> {
  libraries ??= loadChartLibraries();
  return libraries;
}

async function loadChartLibraries(): Promise<ChartLibraries> {
  if (existsSync(CHART_BUNDLE)) {
    const bundle = loadCommonJsBundle<ChartLibraries>(CHART_BUNDLE);
    if (process.env.KMSIM_WRITE_CHART_CODE_CACHE === "1") process.once("exit", () => writeCodeCache(bundle));
    return bundle.exports;
  }
  const [vega, { compile, resetIdCounter }] = await Promise.all([import("vega"), import("vega-lite")]);
  return { vega, compile, resetIdCounter };
}

let renderQueue: Promise<unknown> = Promise.resolve();

/**
 * Renders a Vega-Lite spec to SVG text, headless and deterministically (one render at a time).
 * Warnings of vega-lite and vega are appended to `warnings` when given, never printed.
 */
export function renderSvg(spec: TopLevelSpec, warnings?: string[]): Promise<string> {
  const run = async (): Promise<string> => {
    const { vega, compile, resetIdCounter } = await chartLibraries();
    const logger = new CollectingLogger();
    // Estimated text widths: identical on every machine, whether or not `canvas` is installed.
    (vega as unknown as TextMetricsHolder).textMetrics?.canvas(false);
    resetIdCounter();
    const vgSpec = compile(spec, { logger }).spec;
    const view = new vega.View(vega.parse(vgSpec), { renderer: "none", logger });
    try {
      vega.resetSVGDefIds();
      const svg = await view.toSVG();
      return svg.endsWith("\n") ? svg : svg + "\n";
    } finally {
      view.finalize();
      warnings?.push(...logger.messages);
    }
  };
  const result = renderQueue.then(run, run);
  renderQueue = result.catch(() => undefined);
  return result;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A self-contained HTML page around an inline SVG (no script, no external resource: opens offline). */
export function chartHtml(title: string, svg: string): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>kmsim — ${escapeHtml(title)}</title>`,
    "<style>body{font-family:Helvetica,Arial,sans-serif;margin:1.5em;background:#fff}svg{max-width:100%;height:auto}</style>",
    "</head>",
    "<body>",
    svg.trimEnd(),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
