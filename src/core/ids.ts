// Short forms of item ids for display: the fewest trailing path segments that no other
// id in the same set ends with. `study done` accepts them as unique suffixes.

export function shortIds(ids: readonly string[]): Map<string, string> {
  const parts = ids.map((id) => id.split('/'));
  const counts = new Map<string, number>();
  for (const p of parts) {
    for (let k = 1; k <= p.length; k++) {
      const suffix = p.slice(p.length - k).join('/');
      counts.set(suffix, (counts.get(suffix) ?? 0) + 1);
    }
  }
  const out = new Map<string, string>();
  ids.forEach((id, i) => {
    const p = parts[i]!;
    // Never the roadmap id alone: at least the last segment, at most all but the roadmap.
    let chosen = p.slice(1).join('/') || id;
    for (let k = 1; k < p.length; k++) {
      const suffix = p.slice(p.length - k).join('/');
      if (counts.get(suffix) === 1) {
        chosen = suffix;
        break;
      }
    }
    out.set(id, chosen);
  });
  return out;
}
