// study report --format html [--out FILE]: the page's numbers are the JSON report's, its
// pictures are the store's (a season entered through the CLI: test/support/season.ts),
// and --out writes the file whole, 0600, never over a file or through a link.
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo } from '../../src/core/calendar.js';
import type { Report } from '../../src/core/report.js';
import { cli, cliJson } from '../support/cli.js';
import { season, SEASON_NOW, SEASON_TODAY } from '../support/season.js';

const dir = mkdtempSync(join(tmpdir(), 'study-report-html-'));
const db = join(dir, 'study.db');
beforeAll(() => season(db), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const attrs = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const all = (html: string, re: RegExp): Record<string, string>[] => [...html.matchAll(re)].map((m) => attrs(m[0]));

/** The page of a week and the JSON report of the same week, at the same moment. */
async function both(args: string[] = []): Promise<{ html: string; json: Report }> {
  const r = await cli(['report', '--format', 'html', ...args], { db, now: SEASON_NOW });
  expect(r.code, r.err).toBe(0);
  return { html: r.out, json: await cliJson<Report>(['report', ...args], { db, now: SEASON_NOW }) };
}

/** The page's figures that are the report's, read from its text and data- attributes. */
function checkAgainstJson(html: string, json: Report, lastDay: string): void {
  const tiles = [...html.matchAll(/<div class="tile"><dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => [m[1], m[2]]);
  expect(tiles[0]).toEqual([json.completed.length === 1 ? 'item done this week' : 'items done this week', String(json.completed.length)]);
  expect(tiles[1]).toEqual([`LeetCode ${json.leetcode.sessions === 1 ? 'session' : 'sessions'} · ${json.leetcode.days}/7 days`, String(json.leetcode.sessions)]);
  expect(tiles[2]).toEqual([`day streak · longest ${json.streak.longest}`, String(json.streak.current)]);
  const l = json.leetcode;
  expect(html).toContain(`This week: ${l.sessions} session${l.sessions === 1 ? '' : 's'}, ${l.problems} problem${l.problems === 1 ? '' : 's'}, ${l.minutes} min, on ${l.days} of 7 days`);
  expect(html).toContain(`(easy ${l.byDifficulty.easy}, medium ${l.byDifficulty.medium}, hard ${l.byDifficulty.hard}`);

  expect(json.roadmaps.length).toBeGreaterThan(0);
  for (const r of json.roadmaps) {
    expect(html).toContain(`<code>${r.id}</code> · ${r.done} of ${r.total} items · week ${r.week} of ${r.of}`);
    const card = html.slice(html.indexOf(`<code>${r.id}</code>`));
    expect(card).toMatch(new RegExp(`aria-label="done ${r.percent}%"`));
    expect(card).toMatch(new RegExp(`aria-label="expected ${r.expectedPercent}%"`));
    // The burn-up's point of the reported week is the report's count; no point after it.
    const svg = html.slice(html.indexOf(`data-plan="${r.id}"`));
    const points = all(svg.slice(0, svg.indexOf('</svg>')), /<circle class="done-pt"[^>]*>/g);
    const last = points[points.length - 1]!;
    expect(last['data-label']).toBe(json.week);
    expect(Number(last['data-done'])).toBe(r.done);
    if (r.plannedFinish) expect(svg).toContain(`planned ${Number(r.plannedFinish.slice(8))} `);
  }
  for (const c of json.completed) expect(html).toContain(c.title.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  for (const n of json.nextWeekPlanned) expect(html).toContain(n.title.replace(/&/g, '&amp;').replace(/</g, '&lt;'));

  // The heatmap's days of the reported week hold the report's sessions and completions.
  const cells = new Map(all(html, /<g class="hm-day"[^>]*>/g).map((a) => [a['data-date']!, a]));
  expect([...cells.keys()].pop()).toBe(lastDay);
  for (const d of json.leetcode.strip.filter((s) => s.date <= lastDay)) {
    expect(Number(cells.get(d.date)!['data-sessions']), d.date).toBe(d.count);
    expect(Number(cells.get(d.date)!['data-completions']), d.date).toBe(json.completed.filter((c) => c.date === d.date).length);
  }
  // The weekly bars sum the heatmap's days.
  const bars = all(html, /<rect class="bar[^"]*"[^>]*>/g);
  expect(bars).toHaveLength(52);
  const days = [...cells.values()];
  expect(bars.reduce((n, b) => n + Number(b['data-sessions']), 0)).toBe(days.reduce((n, d) => n + Number(d['data-sessions']), 0));
  expect(Number(bars[51]!['data-sessions'])).toBe(json.leetcode.sessions);
}

describe('study report --format html', () => {
  it('holds the numbers of report --json, this week', async () => {
    const { html, json } = await both();
    expect(json.week).toBe('2026-W48');
    expect(json.completed.length).toBeGreaterThan(0);
    checkAgainstJson(html, json, SEASON_TODAY);
    // A year of days, Sundays marked as rest days (the season's setting).
    const cells = all(html, /<g class="hm-day"[^>]*>/g);
    expect(cells[0]!['data-date']).toBe('2025-12-01');
    expect(cells.filter((c) => c['data-rest'] === 'true').length).toBe(cells.filter((c) => new Date(`${c['data-date']}T00:00Z`).getUTCDay() === 0).length);
    // LeetCode by pattern: the season tags its sessions.
    expect(html).toContain('<bdi>sliding-window</bdi>');
  });

  it('holds the numbers of report --json for a week that is over, and stops its pictures there', async () => {
    const { html, json } = await both(['--week', '2026-W46']);
    expect(json.asOf).toBe('2026-11-15');
    checkAgainstJson(html, json, '2026-11-15');
    expect(html).not.toContain('data-date="2026-11-16"');
  });

  it('a replan keeps the past: weeks that are over are planned as the version in force then had them', async () => {
    const { html } = await both();
    // backend-devops-checklist was re-planned on 16 Nov: a past week's planned count can exceed a later one's.
    const svg = html.slice(html.indexOf('data-plan="backend-devops-checklist"'));
    const planned = all(svg.slice(0, svg.indexOf('</svg>')), /<rect class="planned-pt"[^>]*>/g).map((a) => Number(a['data-planned']));
    expect(planned.some((p, i) => i > 0 && p < planned[i - 1]!)).toBe(true);
  });

  it('is one file with nothing to fetch and no script', async () => {
    const { html } = await both();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|(?:src|href)=/i);
  });
});

describe('study report --out FILE', () => {
  it('writes the file whole, readable by its owner only, and says so', async () => {
    const out = mkdtempSync(join(dir, 'out-'));
    const r = await cli(['report', '--format', 'html', '--out', 'week.html'], { db, now: SEASON_NOW, cwd: out });
    expect(r).toMatchObject({ code: 0, out: '' });
    expect(r.err).toBe('study: wrote week.html: the report of 2026-W48\n');
    expect(statSync(join(out, 'week.html')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(out, 'week.html'), 'utf8')).toBe((await cli(['report', '--format', 'html'], { db, now: SEASON_NOW })).out);
    expect(readdirSync(out)).toEqual(['week.html']);
  });

  it('never overwrites a file without --force, and replaces it with --force', async () => {
    const out = mkdtempSync(join(dir, 'out-'));
    writeFileSync(join(out, 'week.md'), 'mine');
    const refused = await cli(['report', '--format', 'markdown', '--out', 'week.md'], { db, now: SEASON_NOW, cwd: out });
    expect(refused).toEqual({ code: 1, out: '', err: 'study: week.md already exists; pass --force to overwrite it, or choose another --out\n' });
    expect(readFileSync(join(out, 'week.md'), 'utf8')).toBe('mine');
    const forced = await cli(['report', '--format', 'markdown', '--out', 'week.md', '--force'], { db, now: SEASON_NOW, cwd: out });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, 'week.md'), 'utf8')).toMatch(/^# Weekly report 2026-W48/);
    expect(readdirSync(out)).toEqual(['week.md']);
  });

  it('never writes through a symbolic link, even with --force', async () => {
    const out = mkdtempSync(join(dir, 'out-'));
    writeFileSync(join(out, 'target'), 'precious');
    symlinkSync(join(out, 'target'), join(out, 'week.html'));
    for (const force of [[], ['--force']]) {
      const r = await cli(['report', '--format', 'html', '--out', 'week.html', ...force], { db, now: SEASON_NOW, cwd: out });
      expect(r).toEqual({ code: 1, out: '', err: 'study: cannot write week.html (it is a symbolic link; give the path of the file itself); nothing was written\n' });
    }
    expect(readFileSync(join(out, 'target'), 'utf8')).toBe('precious');
    expect(lstatSync(join(out, 'week.html')).isSymbolicLink()).toBe(true);
  });

  it('says why it cannot write, and leaves nothing behind', async () => {
    const out = mkdtempSync(join(dir, 'out-'));
    const missing = await cli(['report', '--out', 'no/such/folder/week.txt'], { db, now: SEASON_NOW, cwd: out });
    expect(missing).toEqual({ code: 1, out: '', err: `study: cannot write no/such/folder/week.txt (its folder ${join(out, 'no/such/folder')} does not exist); nothing was written\n` });
    const folder = await cli(['report', '--out', '.'], { db, now: SEASON_NOW, cwd: out });
    expect(folder.err).toBe('study: cannot write . (a folder, not a file); nothing was written\n');
    expect(readdirSync(out)).toEqual([]);
    expect(await cli(['report', '--force'], { db, now: SEASON_NOW })).toMatchObject({ code: 2, err: 'study: --force goes with --out FILE\n' });
  });

  it('writes text without colour, as wide as a file is', async () => {
    const out = mkdtempSync(join(dir, 'out-'));
    const r = await cli(['report', '--out', 'week.txt'], { db, now: SEASON_NOW, cwd: out, tty: true, columns: 120, env: { FORCE_COLOR: '3' } });
    expect(r.code).toBe(0);
    const text = readFileSync(join(out, 'week.txt'), 'utf8');
    expect(text).not.toContain('\u001b[');
    expect(text).toBe((await cli(['report'], { db, now: SEASON_NOW })).out);
  });
});

describe('the season', () => {
  it('is what the tests above take it to be', async () => {
    const json = await cliJson<Report>(['report'], { db, now: SEASON_NOW });
    expect(json.roadmaps.map((r) => r.id)).toEqual(['backend-devops-checklist', 'system-architecture-12w']);
    expect(addDaysTo(json.from, 6)).toBe(json.to);
  });
});
