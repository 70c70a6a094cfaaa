// `study report --format html --out week.html`, run as a user runs it (bin/study, a real
// process, on a season of real data: test/support/season.ts), then week.html opened in
// Chromium: nothing fetched, nothing wider than the screen at 375 and 1280 px, and what
// the page shows is what `study report --json` says. With UPDATE_SCREENSHOTS=1 its
// screenshots are written to docs/img/ (report-cli-*.png).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { season, SEASON_NOW } from '../support/season.js';
import { launch, openPage, overflow } from './chromium.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'study-cli-report-'));
const shots = process.env.UPDATE_SCREENSHOTS ? join(root, 'docs/img') : join(dir, 'shots');
const env = { ...process.env, STUDY_DB: join(dir, 'study.db'), STUDY_NOW: SEASON_NOW, NO_COLOR: '1' };
let browser: Browser;
let json: Report;
let url: string;

/** bin/study with ARGS in `dir`, as a process. */
function study(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(root, 'bin/study'), ...args], { cwd: dir, env, encoding: 'utf8' });
}

beforeAll(async () => {
  await season(env.STUDY_DB);
  const r = study(['report', '--format', 'html', '--out', 'week.html']);
  expect(r, r.stderr).toMatchObject({ status: 0, stdout: '', stderr: 'study: wrote week.html: the report of 2026-W48\n' });
  json = JSON.parse(study(['report', '--json']).stdout) as Report;
  url = pathToFileURL(join(dir, 'week.html')).href;
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(width: number, scheme: 'light' | 'dark'): Promise<{ page: Page; requests: string[] }> {
  const { page, requests } = await openPage(browser, width, scheme, url);
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests: requests.filter((r) => r !== url) };
}

describe('study report --format html --out week.html, opened in Chromium', () => {
  it('is a file of its owner only', () => {
    expect(statSync(join(dir, 'week.html')).mode & 0o777).toBe(0o600);
  });

  for (const [width, scheme] of [
    [1280, 'light'],
    [375, 'dark'],
  ] as const) {
    it(`fits ${width} px (${scheme}), fetches nothing, and is screenshot`, async () => {
      const { page, requests } = await open(width, scheme);
      expect(requests).toEqual([]);
      const o = await overflow(page);
      expect(o.wide).toEqual([]);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
      mkdirSync(shots, { recursive: true });
      const png = join(shots, `report-cli-${width}-${scheme}.png`);
      await page.screenshot({ path: png, fullPage: true });
      expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
      await page.context().close();
    });
  }

  it('shows what report --json says: tiles, plans, their burn-ups, the week’s days', async () => {
    const { page } = await open(1280, 'light');
    const tiles = await page.$$eval('.tile dd', (dds: any[]) => dds.map((d) => d.textContent));
    expect(tiles.slice(0, 3)).toEqual([String(json.completed.length), String(json.leetcode.sessions), String(json.streak.current)]);
    for (const r of json.roadmaps) {
      const meta = await page.locator('.plan-meta', { hasText: r.id }).textContent();
      expect(meta).toContain(`${r.done} of ${r.total} items · week ${r.week} of ${r.of}`);
      const points = await page.locator(`svg.burnup[data-plan="${r.id}"] circle.done-pt`).evaluateAll((cs: any[]) => cs.map((c) => [c.getAttribute('data-label'), Number(c.getAttribute('data-done'))]));
      expect(points[points.length - 1]).toEqual([json.week, r.done]);
    }
    const week = await page.$$eval('g.hm-day', (gs: any[]) =>
      gs.slice(-4).map((g) => ({ date: g.getAttribute('data-date'), sessions: Number(g.getAttribute('data-sessions')), title: g.querySelector('title').textContent })),
    );
    for (const d of week) {
      const strip = json.leetcode.strip.find((s) => s.date === d.date)!;
      expect(d.sessions, d.date).toBe(strip.count);
      expect(d.title).toContain(`(${d.date}): ${strip.count} session${strip.count === 1 ? '' : 's'}`);
    }
    const done = await page.locator('li.item-done').allTextContents();
    expect(done).toHaveLength(json.completed.length);
    await page.context().close();
  });

  it('keeps its table equivalents in step with the charts', async () => {
    const { page } = await open(1280, 'light');
    const r = json.roadmaps[0]!;
    await page.getByText(`Weeks of ${r.title} as a table`).click();
    const rows = await page.locator('details[open] table tbody tr').evaluateAll((trs: any[]) => trs.map((tr) => Array.from(tr.children as any[]).map((c) => c.textContent)));
    const current = rows.find((row) => row[1] === json.week)!;
    expect(current[3]).toBe(String(r.done));
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
    await page.context().close();
  });
});
