// Name matching for the catalogue (CATALOG.md, MODEL.md §H6a): case-insensitive, repeated spaces
// folded, trimmed; the edition aliases "Pro" (whole word) for "Professional" and "for Education"
// for "Education"; anything else fails with the closest canonical name as a suggestion.

/** A name looked up in the catalogue: the canonical name, or a user-facing message. */
export type Lookup = { ok: true; name: string } | { ok: false; message: string };

/** Lower-cases, trims and folds runs of whitespace to one space. */
export function normaliseName(input: string): string {
  return input.trim().replace(/\s+/g, " ").toLowerCase();
}

/** normaliseName, then the edition aliases: "pro" → "professional", "for education" → "education". */
export function normaliseEditionName(input: string): string {
  return normaliseName(input)
    .replace(/(^| )pro(?= |$)/g, "$1professional")
    .replace(/(^| )for education(?= |$)/g, "$1education");
}

/** Levenshtein edit distance (insert, delete, substitute, each cost 1). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length];
}

/**
 * The candidate closest to `input` by Levenshtein distance on the normalised text (first one on a
 * tie, so candidates' order breaks ties); undefined only when there are no candidates.
 */
export function closestName(
  input: string,
  candidates: readonly string[],
  normalise: (s: string) => string = normaliseName,
): string | undefined {
  const key = normalise(input);
  // Version numbers are what people get right ("Office 2021" means Office LTSC 2021, not 2010):
  // prefer the candidates that contain every number of the input, when there are any.
  const numbers: string[] = key.match(/\d+/g) ?? [];
  const numbersOf = (s: string): string[] => normalise(s).match(/\d+/g) ?? [];
  const withNumbers = candidates.filter((c) => numbers.every((n) => numbersOf(c).includes(n)));
  const pool = numbers.length > 0 && withNumbers.length > 0 ? withNumbers : candidates;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of pool) {
    const d = levenshtein(key, normalise(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** The message for a name not in the catalogue: `unknown <what> "<input>" (did you mean "<closest>"?)`. */
export function unknownNameMessage(what: string, input: string, suggestion: string | undefined): string {
  const hint = suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
  return `unknown ${what} "${input}"${hint}`;
}

/**
 * A lookup over canonical names: `aliases` maps further accepted spellings to a canonical name.
 * Matching uses `normalise` on both sides; suggestions come from the canonical names only.
 */
export function makeLookup(
  what: string,
  canonical: readonly string[],
  normalise: (s: string) => string = normaliseName,
  aliases: Readonly<Record<string, string>> = {},
): (input: string) => Lookup {
  const index = new Map<string, string>();
  for (const name of canonical) index.set(normalise(name), name);
  for (const [alias, name] of Object.entries(aliases)) index.set(normalise(alias), name);
  return (input) => {
    const name = index.get(normalise(input));
    if (name !== undefined) return { ok: true, name };
    return { ok: false, message: unknownNameMessage(what, input, closestName(input, canonical, normalise)) };
  };
}
