// Site connectivity (MODEL.md §N1): two sites are connected when a path of up links joins them.

/** Component number of every site given which links are up (union–find; parallel links are alternatives). */
export function siteComponents(
  siteCount: number,
  linkEnds: readonly (readonly [number, number])[],
  linkUp: ArrayLike<number>,
  out: Int32Array,
): void {
  const parent = new Int32Array(siteCount);
  for (let i = 0; i < siteCount; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let l = 0; l < linkEnds.length; l++) {
    if (linkUp[l] !== 1) continue;
    const a = find(linkEnds[l][0]);
    const b = find(linkEnds[l][1]);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  for (let i = 0; i < siteCount; i++) out[i] = find(i);
}
