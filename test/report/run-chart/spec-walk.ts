// Test helpers: walk a run chart's Vega-Lite spec as plain JSON (panels by title, layers, data).

export interface Node {
  title?: string | { text?: string };
  data?: { values?: Record<string, unknown>[] };
  layer?: Node[];
  vconcat?: Node[];
  encoding?: Record<string, { field?: string; scale?: Record<string, unknown>; axis?: Record<string, unknown> } | undefined>;
  mark?: string | { type?: string };
}

export function plain(spec: unknown): Node {
  return JSON.parse(JSON.stringify(spec)) as Node;
}

export function titleOf(n: Node): string {
  return typeof n.title === "string" ? n.title : (n.title?.text ?? "");
}

/** The top-level panels (and nested sections) whose title starts with `prefix`. */
export function panels(root: Node, prefix: string): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    if (n !== root && titleOf(n).startsWith(prefix)) out.push(n);
    for (const c of [...(n.vconcat ?? []), ...(n.layer ?? [])]) walk(c);
  };
  walk(root);
  return out;
}

export function panel(root: Node, prefix: string): Node {
  const found = panels(root, prefix);
  if (found.length !== 1) throw new Error(`expected one panel titled "${prefix}…", found ${found.length}`);
  return found[0];
}

/** Every node with an encoding (marks), depth first. */
export function marks(n: Node): Node[] {
  const out: Node[] = [];
  const walk = (m: Node): void => {
    if (m.encoding !== undefined) out.push(m);
    for (const c of [...(m.vconcat ?? []), ...(m.layer ?? [])]) walk(c);
  };
  walk(n);
  return out;
}

export function markType(n: Node): string | undefined {
  return typeof n.mark === "string" ? n.mark : n.mark?.type;
}

/** The data rows of a node's layers of one mark type. */
export function rowsOf(n: Node, type: string): Record<string, unknown>[] {
  return marks(n)
    .filter((m) => markType(m) === type)
    .flatMap((m) => m.data?.values ?? []);
}
