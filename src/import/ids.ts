// Scenario ids made from AD and DNS names (docs/import.md "Ids"): lower-cased, every run of
// characters outside [a-z0-9] turned into one "-", no "-" at either end; a clash with an id
// already given gets "-2", "-3", … in the order the names are taken.

/** `Branch-A` → `branch-a`, `Paris (Rive Gauche)` → `paris-rive-gauche`; `fallback` when nothing is left. */
export function slug(name: string, fallback: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents: "Zürich" → "zurich"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s === "" ? fallback : s;
}

/** Hands out unique ids: the wanted one if free, else wanted-2, wanted-3, … */
export class IdAllocator {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const id of reserved) this.taken.add(id);
  }

  take(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.taken.has(id); n++) id = `${wanted}-${n}`;
    this.taken.add(id);
    return id;
  }
}
