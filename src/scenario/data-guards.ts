// Checks on parsed data before validation proper, against inputs no scenario has: keys that
// cannot be plain object keys (`__proto__`, which schema libraries silently drop) and data that
// YAML aliases expand into millions of values (an "alias bomb" a few kilobytes long).
import { errorAt, formatPath, type Diagnostic, type PathSegment } from "./diagnostics.js";

/** More values than any real estate needs; far fewer than would exhaust memory or time. */
export const MAX_VALUES = 1_000_000;

/**
 * Diagnostics for `__proto__` keys and oversized data (the walk stops at MAX_VALUES). `aliases`,
 * the number of YAML aliases in the file, decides whether the message may blame them.
 */
export function guardData(data: unknown, file: string, aliases = 0): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: data, path: [] }];
  let seen = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (++seen > MAX_VALUES) {
      out.push(
        errorAt(
          file,
          "",
          aliases > 0
            ? `the file expands to more than ${MAX_VALUES} values (its ${aliases} YAML ${aliases === 1 ? "alias repeats" : "aliases repeat"} large parts of it)`
            : `the file holds more than ${MAX_VALUES} values (lists, mappings and scalars), far more than a scenario within the limits needs (FORMAT.md "Limits")`,
        ),
      );
      break;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (typeof value === "object" && value !== null) {
      for (const key of Object.keys(value)) {
        if (key === "__proto__") {
          out.push(errorAt(file, formatPath(path), `"__proto__" cannot be used as a key`));
          continue;
        }
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return out;
}
