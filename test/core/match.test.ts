import { describe, expect, it } from 'vitest';
import { closestTitles, fold, matchTask, type Candidate } from '../../src/core/match.js';

const c = (id: string, title: string): Candidate => ({ id, title, roadmap: id.split('/')[0]! });

const CANDIDATES: Candidate[] = [
  c('alpha/s1/docker', 'Docker'),
  c('alpha/s1/docker/write-dockerfiles', 'Write Dockerfiles'),
  c('alpha/s1/cafe-au-lait-resume', 'Café au lait RÉSUMÉ'),
  c('alpha/s1/item-3', 'ব্যাকএন্ড ডেভেলপমেন্ট'),
  c('alpha/s1/item-4', 'কোড রিভিউ'),
  c('alpha/s1/launch-the-app', '🚀 Launch the app'),
  c('alpha/s1/redis-caching', 'Redis caching'),
  c('alpha/s2/redis', 'Redis'),
  c('alpha/s2/redis-cluster', 'Redis cluster'),
  c('beta/s1/redis', 'Redis'),
  c('beta/s1/item-1', 'Straße lernen'),
  c('beta/s1/ligature', 'ﬁnd the ＡＰＩ'),
];

const one = (task: string) => {
  const r = matchTask(task, CANDIDATES);
  return r.kind === 'one' ? [r.how, r.item.id] : [r.kind, r.kind === 'many' ? r.items.map((i) => i.id) : r.closest.map((i) => i.id)];
};

describe('fold', () => {
  it.each([
    ['Café au lait RÉSUMÉ', 'cafe au lait resume'],
    ['  Tiếng   Việt ', 'tieng viet'],
    ['Straße', 'strasse'],
    ['ﬁnd ＡＰＩ', 'find api'],
    ['🚀 Launch', '🚀 launch'],
    // Bengali keeps its vowel signs and virama (folding them would merge different words).
    ['ব্যাকএন্ড', 'ব্যাকএন্ড'],
    ['কোড', 'কোড'],
  ])('%j -> %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('Bengali composed and decomposed forms fold alike', () => {
    const composed = 'কো'; // ক + ো (U+09CB)
    const decomposed = 'কে\u09be'; // ক + ে + া
    expect(fold(composed)).toBe(fold(decomposed));
  });
});

describe('matchTask', () => {
  it.each<[string, string, string | string[]]>([
    // 1. full ids
    ['alpha/s2/redis', 'id', 'alpha/s2/redis'],
    ['alpha/s1/docker', 'id', 'alpha/s1/docker'],
    // 2. unique suffixes on a segment boundary (case-insensitive)
    ['redis-cluster', 'suffix', 'alpha/s2/redis-cluster'],
    ['s1/docker/write-dockerfiles', 'suffix', 'alpha/s1/docker/write-dockerfiles'],
    ['WRITE-DOCKERFILES', 'suffix', 'alpha/s1/docker/write-dockerfiles'],
    ['item-3', 'suffix', 'alpha/s1/item-3'],
    // 3. exact titles, folded
    ['café au lait résumé', 'title', 'alpha/s1/cafe-au-lait-resume'],
    ['CAFE AU LAIT RESUME', 'title', 'alpha/s1/cafe-au-lait-resume'],
    ['ব্যাকএন্ড ডেভেলপমেন্ট', 'title', 'alpha/s1/item-3'],
    ['🚀 launch the app', 'title', 'alpha/s1/launch-the-app'],
    ['Docker', 'suffix', 'alpha/s1/docker'],
    // 4. every word in the title, as substrings
    ['launch', 'words', 'alpha/s1/launch-the-app'],
    ['🚀', 'words', 'alpha/s1/launch-the-app'],
    ['resume cafe', 'words', 'alpha/s1/cafe-au-lait-resume'],
    ['ডেভেলপমেন্ট', 'words', 'alpha/s1/item-3'],
    ['রিভিউ', 'words', 'alpha/s1/item-4'],
    ['strasse', 'words', 'beta/s1/item-1'],
    ['find api', 'words', 'beta/s1/ligature'],
    ['dockerfiles', 'words', 'alpha/s1/docker/write-dockerfiles'],
  ])('%j -> %s %j', (task, how, id) => {
    expect(one(task)).toEqual([how, id]);
  });

  it('an ambiguous suffix lists every item it ends, in candidate order', () => {
    expect(one('redis')).toEqual(['many', ['alpha/s2/redis', 'beta/s1/redis']]);
    expect(one('s1/redis')).toEqual(['suffix', 'beta/s1/redis']);
  });

  it('a suffix is matched on a path-segment boundary only', () => {
    expect(one('cluster')).toEqual(['words', 'alpha/s2/redis-cluster']);
    expect(one('is-cluster')[0]).toBe('none');
  });

  it('an exact title wins over word matches', () => {
    const cands = [c('r/s/redis-cluster', 'Redis cluster'), c('r/s/redis-x', 'Redis'), c('r/s/redis-caching', 'Redis caching')];
    const r = matchTask('REDIS', cands);
    expect(r).toMatchObject({ kind: 'one', how: 'title', item: { id: 'r/s/redis-x' } });
  });

  it('an exact title wins when several ids end with the same suffix', () => {
    const cands = [c('a/s/docker', 'Docker basics'), c('b/s/docker', 'Docker')];
    expect(matchTask('docker', cands)).toMatchObject({ kind: 'one', how: 'title', item: { id: 'b/s/docker' } });
  });

  it('several exact titles are ambiguous', () => {
    const cands = [c('a/s/x', 'Redis'), c('b/s/y', 'redis'), c('c/s/z', 'Redis cluster')];
    expect(matchTask('Redis', cands)).toMatchObject({ kind: 'many', how: 'title', items: [{ id: 'a/s/x' }, { id: 'b/s/y' }] });
  });

  it('several word matches are ambiguous, in candidate (roadmap, then file) order', () => {
    expect(matchTask('redis c', CANDIDATES)).toMatchObject({
      kind: 'many',
      how: 'words',
      items: [{ id: 'alpha/s1/redis-caching' }, { id: 'alpha/s2/redis-cluster' }],
    });
  });

  it('every word must appear', () => {
    expect(one('redis docker')[0]).toBe('none');
  });

  it('nothing for an empty task', () => {
    expect(matchTask('   ', CANDIDATES)).toEqual({ kind: 'none', closest: [] });
  });
});

describe('closestTitles', () => {
  it('ranks titles by the words they contain, then by typos', () => {
    // One word present in each; shorter titles first, then candidate order.
    expect(closestTitles('redis sharding', CANDIDATES).map((x) => x.id)).toEqual([
      'alpha/s2/redis',
      'beta/s1/redis',
      'alpha/s1/redis-caching',
      'alpha/s2/redis-cluster',
    ]);
    // A typo of a word counts for more than no word at all.
    expect(closestTitles('redis cachng', CANDIDATES).map((x) => x.id)[0]).toBe('alpha/s1/redis-caching');
    expect(closestTitles('dokcer', CANDIDATES).map((x) => x.id)).toEqual(['alpha/s1/docker']);
    expect(closestTitles('redis-clustr', CANDIDATES).map((x) => x.id)[0]).toBe('alpha/s2/redis-cluster');
  });

  it('offers at most five, and nothing unlike', () => {
    const many = Array.from({ length: 9 }, (_, i) => c(`r/s/t${i}`, `Topic ${i}`));
    expect(closestTitles('topic', many)).toHaveLength(5);
    expect(closestTitles('zzzzqqq', CANDIDATES)).toEqual([]);
  });

  it('is what matchTask offers when nothing matches', () => {
    expect(matchTask('kubernetes docker', CANDIDATES)).toMatchObject({
      kind: 'none',
      closest: [{ id: 'alpha/s1/docker' }, { id: 'alpha/s1/docker/write-dockerfiles' }],
    });
  });
});
