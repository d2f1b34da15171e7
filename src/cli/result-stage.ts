// Where a command's result goes (FORMAT.md "Result folders"): `--out DIR` is the result folder
// itself; the default is `results/<name>/run/`, `results/<name>/strategies/<S>/` or
// `results/<name>/compare/`. Every check of the folder runs before anything is simulated.
import { join } from "node:path";
import { OutputFolderError, openResultStage, type ResultStage } from "../report/index.js";
import { InputError } from "./errors.js";

/** The default result folder of a command (FORMAT.md "Result folders"). */
export function defaultResultFolder(scenario: string, kind: "run" | "compare", strategy: string | null = null): string {
  if (kind === "compare") return join("results", scenario, "compare");
  return strategy === null ? join("results", scenario, "run") : join("results", scenario, "strategies", strategy);
}

/** Checks the result folder and creates its temp sibling; a refused folder is bad input (exit 2). */
export function stageResult(out: string | undefined, fallback: string, inputs: readonly string[]): ResultStage {
  try {
    return out === undefined
      ? openResultStage(fallback, { inputs, createParents: true })
      : openResultStage(out, { inputs, createParents: false, label: out === "" ? "--out" : out });
  } catch (err) {
    if (err instanceof OutputFolderError) throw new InputError([err.message]);
    throw err;
  }
}
