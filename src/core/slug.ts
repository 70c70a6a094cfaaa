// Ids from titles: lowercase ASCII words joined by hyphens, accents folded.

const MAX = 32;

/** A slug of `text` ('Redis & Sessions!' -> 'redis-sessions'), or '' when nothing Latin or numeric is left. */
export function slugify(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= MAX) return folded;
  const cut = folded.slice(0, MAX);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > MAX / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** Hands out unique keys in one namespace: explicit ones as given, slugs with -2, -3 on repeats. */
export class KeySpace {
  private readonly taken = new Set<string>();

  /** Claims an explicit id; false if it is already taken. */
  claim(key: string): boolean {
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    return true;
  }

  /** A fresh key from a base slug: base, base-2, base-3, ... */
  fresh(base: string): string {
    let key = base;
    for (let n = 2; this.taken.has(key); n++) key = `${base}-${n}`;
    this.taken.add(key);
    return key;
  }
}
