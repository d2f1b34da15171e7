// "Did you mean" hints for misspelt keys, keywords and ids (FORMAT.md: unknown keys are errors with
// a hint; every reference must exist).

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const curr = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      curr.push(Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost));
    }
    prev = curr;
  }
  return prev[b.length];
}

/**
 * The candidate closest to `input` (case-insensitive edit distance), if it is close enough to be a
 * likely typo: at most a third of the longer word's length, and at least 1 edit allowed.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const key = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(key, c.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(key.length, c.length) / 3));
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)`, or an empty string when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const hit = closest(input, candidates);
  return hit === undefined ? "" : ` (did you mean "${hit}"?)`;
}

/** The message for a key that is not part of the format at that place. */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const hit = closest(key, known);
  if (hit !== undefined) return `unknown key ${JSON.stringify(key)} (did you mean "${hit}"?)`;
  return `unknown key ${JSON.stringify(key)} (expected one of: ${known.join(", ")})`;
}

/** The message for a reference to an id that does not exist: `unknown site "x" (did you mean "y"?)`. */
export function unknownRefMessage(what: string, id: string, known: readonly string[]): string {
  if (known.length === 0) return `unknown ${what} "${id}": the scenario has no ${what}s`;
  const hit = closest(id, known);
  if (hit !== undefined) return `unknown ${what} "${id}" (did you mean "${hit}"?)`;
  const listed = known.length <= 10 ? known.join(", ") : `${known.slice(0, 10).join(", ")}, …`;
  return `unknown ${what} "${id}" (${what}s: ${listed})`;
}
