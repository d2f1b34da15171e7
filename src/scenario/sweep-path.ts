// Setting a swept value inside a scenario document (FORMAT.md "Sweeps": a top-level key, then in a
// list whose items have `id` the item's id, otherwise a 0-based index, then keys). The document is
// copied along the path only: YAML aliases may share one mapping between the base and a strategy,
// so changing it in place would leak a value into a scenario it was not set in.
import { formatPath, type PathSegment } from "./diagnostics.js";
import { describeValue } from "../engine/duration.js";
import { isRecord } from "./values.js";
import { didYouMean } from "./suggest.js";

export type SetResult =
  | { readonly ok: true; readonly value: unknown; readonly at: readonly PathSegment[] }
  | { readonly ok: false; readonly message: string };

/**
 * `container` with `value` set at `segments` (the first segment is a key of `container`). The
 * containers on the way must exist; the last key of a mapping may be new (a sweep may set a field
 * the scenario leaves at its default). `at` is the resolved path, with list indices as numbers.
 */
export function setAtPath(container: unknown, segments: readonly string[], value: unknown): SetResult {
  const at: PathSegment[] = [];
  const step = (node: unknown, i: number): { ok: true; node: unknown } | { ok: false; message: string } => {
    if (i === segments.length) return { ok: true, node: value };
    const segment = segments[i];
    const where = at.length === 0 ? "the scenario" : formatPath(at);
    if (Array.isArray(node)) {
      const index = listIndex(node, segment);
      if (typeof index === "string") return { ok: false, message: `${where}: ${index}` };
      at.push(index);
      const inner = step(node[index], i + 1);
      if (!inner.ok) return inner;
      const copy = node.slice();
      copy[index] = inner.node;
      return { ok: true, node: copy };
    }
    if (isRecord(node)) {
      const last = i === segments.length - 1;
      if (!Object.hasOwn(node, segment) && !last) {
        return { ok: false, message: `${where} has no ${JSON.stringify(segment)}${didYouMean(segment, Object.keys(node))}` };
      }
      at.push(segment);
      const inner = step(Object.hasOwn(node, segment) ? node[segment] : undefined, i + 1);
      if (!inner.ok) return inner;
      return { ok: true, node: { ...node, [segment]: inner.node } };
    }
    return { ok: false, message: `${where} is ${describeValue(node)}, so it has no ${JSON.stringify(segment)}` };
  };
  const result = step(container, 0);
  return result.ok ? { ok: true, value: result.node, at } : result;
}

/** The index a path segment names in a list: by `id` when its items have ids, else a 0-based index; or a message. */
function listIndex(list: readonly unknown[], segment: string): number | string {
  const ids = list.flatMap((item) => (isRecord(item) && typeof item.id === "string" ? [item.id] : []));
  if (ids.length > 0) {
    const index = list.findIndex((item) => isRecord(item) && item.id === segment);
    if (index >= 0) return index;
    return `no item has id "${segment}"${didYouMean(segment, ids) || ` (ids: ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""})`}`;
  }
  if (!/^(0|[1-9][0-9]*)$/.test(segment)) return `expected a 0-based index into a list of ${list.length}, got "${segment}"`;
  const index = Number(segment);
  if (list.length === 0) return `index ${index} is out of range: the list is empty`;
  if (index >= list.length) return `index ${index} is out of range: the list has ${list.length} item${list.length === 1 ? "" : "s"} (0 … ${list.length - 1})`;
  return index;
}
