// The HTML report in a real browser (Debian's Chromium through playwright-core): opened as
// a file, as `study report --format html --out week.html` leaves it; screenshots in light
// and dark at 1280 and 375 px; the DOM checked against the data. With
// UPDATE_SCREENSHOTS=1 the screenshots are written to docs/img/ (committed); otherwise to
// a temporary folder, and only checked to be PNGs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/render/html/index.js';
import { hostileSample, sample } from '../render/html-sample.js';
import { launch, openPage, overflow } from './chromium.js';

// The page's globals, for the functions that run in it (the project's TypeScript has no
// DOM library; these declarations are this module's own).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: any): any;

const root = new URL('../..', import.meta.url).pathname;
const shots = process.env.UPDATE_SCREENSHOTS ? join(root, 'docs/img') : mkdtempSync(join(tmpdir(), 'study-shots-'));
const dir = mkdtempSync(join(tmpdir(), 'study-html-'));
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
  if (!process.env.UPDATE_SCREENSHOTS) rmSync(shots, { recursive: true, force: true });
});

/** The page written to a file and opened from it; `requests` holds every URL asked for. */
async function open(html: string, width: number, scheme: 'light' | 'dark'): Promise<{ page: Page; requests: string[]; url: string }> {
  const file = join(dir, `report-${width}-${scheme}-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const { page, requests } = await openPage(browser, width, scheme, url);
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests: requests.filter((r) => r !== url), url };
}

describe('the HTML report in Chromium', () => {
  const data = sample();
  const html = renderHtmlReport(data);

  for (const width of [1280, 375]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`fits ${width} px in ${scheme}, makes no request, and screenshots`, async () => {
        const { page, requests } = await open(html, width, scheme);
        expect(requests).toEqual([]);
        const o = await overflow(page);
        expect(o.wide).toEqual([]);
        expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
        // The scheme reaches the page: its background is the scheme's.
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(bg).toBe(scheme === 'light' ? 'rgb(246, 247, 249)' : 'rgb(15, 18, 22)');
        const png = join(shots, `report-${width}-${scheme}.png`);
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: png, fullPage: true });
        expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
        await page.context().close();
      });
    }
  }

  it('has a heatmap cell per day, each with its date and counts in its hover title', async () => {
    const { page } = await open(html, 1280, 'light');
    const cells = await page.$$eval('g.hm-day', (gs: any[]) =>
      gs.map((g) => ({ date: g.getAttribute('data-date'), sessions: g.getAttribute('data-sessions'), completions: g.getAttribute('data-completions'), title: g.querySelector('title')?.textContent ?? '' })),
    );
    const days = data.heatmap.filter((d) => d.date <= data.today);
    expect(cells).toHaveLength(days.length);
    for (const [i, d] of days.entries()) {
      const cell = cells[i]!;
      expect(cell.date).toBe(d.date);
      expect(Number(cell.sessions)).toBe(d.sessions);
      expect(Number(cell.completions)).toBe(d.completions);
      expect(cell.title).toContain(d.date);
      expect(cell.title).toContain(`${d.sessions} session${d.sessions === 1 ? '' : 's'}`);
    }
    // Rest and frozen days are drawn as such (unless practised that day).
    const frozen = await page.$$eval('g.hm-day[data-frozen] rect', (rs: any[]) => rs.map((r) => r.getAttribute('class')));
    expect(frozen.length).toBe(data.heatmap.filter((d) => d.frozen).length);
    for (const cls of frozen) expect(cls).toContain('frozen');
    const restEmpty = data.heatmap.filter((d) => d.rest && d.sessions === 0).length;
    expect(await page.locator('g.hm-day rect.hm-cell.rest').count()).toBe(restEmpty);
    // Hovering a cell shows the native tooltip from its <title>: the cell is where the mouse is.
    const last = days[days.length - 1]!;
    const cell = page.locator(`g.hm-day[data-date="${last.date}"] rect`);
    expect((await cell.boundingBox())!.width).toBeGreaterThan(8);
    await cell.hover();
    const hit = await page.evaluate(() => document.querySelector('g.hm-day:hover')?.getAttribute('data-date'));
    expect(hit).toBe(last.date);
    await page.context().close();
  });

  it("draws each plan's burn-up with one point per week of the data", async () => {
    const { page } = await open(html, 1280, 'light');
    for (const plan of data.burnups) {
      const svg = page.locator(`svg.burnup[data-plan="${plan.id}"]`);
      const done = await svg.locator('circle.done-pt').evaluateAll((cs: any[]) => cs.map((c) => [Number(c.getAttribute('data-week')), Number(c.getAttribute('data-done')), Number(c.getAttribute('cy'))]));
      const planned = await svg.locator('rect.planned-pt').evaluateAll((rs: any[]) => rs.map((r) => [Number(r.getAttribute('data-week')), Number(r.getAttribute('data-planned'))]));
      expect(planned).toEqual(plan.weeks.map((w) => [w.week, w.planned]));
      const past = plan.weeks.filter((w) => w.done !== null);
      expect(done.map(([w, d]) => [w, d])).toEqual(past.map((w) => [w.week, w.done]));
      // More done is higher up (SVG y grows downwards).
      for (let i = 1; i < done.length; i++) if (done[i]![1]! > done[i - 1]![1]!) expect(done[i]![2]!).toBeLessThan(done[i - 1]![2]!);
      // The line through them has a vertex per point and the start.
      const d = (await svg.locator('path.done-line').getAttribute('d'))!;
      expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(past.length + 1);
      // Planned and forecast finish are marked and named.
      const labels = await svg.locator('text.rule-label').allTextContents();
      expect(labels.some((l) => l.startsWith('planned '))).toBe(true);
      expect(labels.some((l) => l.startsWith('forecast ') && l.includes(plan.forecastFinish!.slice(0, 4)))).toBe(true);
      // Its text equivalent names the numbers of the last week.
      const caption = await page.locator(`#${await svg.getAttribute('aria-describedby')}`).textContent();
      expect(caption).toContain(`${past[past.length - 1]!.done} of ${plan.total} items done`);
    }
    await page.context().close();
  });

  it('gives every chart an accessible name and a text or table equivalent', async () => {
    const { page } = await open(html, 1280, 'light');
    const charts = await page.$$eval('svg[role="img"]', (svgs: any[]) =>
      svgs.map((s) => {
        const named = (s.getAttribute('aria-labelledby') ?? '').split(' ').map((id: string) => document.getElementById(id)?.textContent ?? '').join(' ');
        const described = document.getElementById(s.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
        return { named, described };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(2 + data.burnups.length + 1);
    for (const c of charts) {
      expect(c.named.trim()).not.toBe('');
      expect(c.described.trim()).not.toBe('');
    }
    const snapshot = await page.locator('main').ariaSnapshot();
    expect(snapshot).toContain('table "Problems practised over the year, by difficulty"');
    expect(snapshot).toContain('Burn-up of System Architecture');
    // The tables behind the charts open with a click and hold the same numbers.
    await page.getByText('Weeks of System Architecture — 12-Week Plan (Django-focused) as a table').click();
    const plan = data.burnups[0]!;
    const rows = await page.locator('details[open] table tbody tr').evaluateAll((trs: any[]) => trs.map((tr) => Array.from(tr.children as any[]).map((c) => c.textContent)));
    expect(rows).toHaveLength(plan.weeks.length);
    expect(rows[0]).toEqual(['1', plan.weeks[0]!.label, expect.any(String), String(plan.weeks[0]!.done), String(plan.weeks[0]!.planned)]);
    await page.context().close();
  });

  it('prints on light paper without the folded tables', async () => {
    const { page } = await open(html, 1280, 'dark');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const [bg, details] = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('details')!).display]);
    expect(bg).toBe('rgb(255, 255, 255)');
    expect(details).toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it('shows hostile titles as text: nothing runs, nothing is requested, nothing breaks out', async () => {
    const hostile = hostileSample();
    const { page, requests } = await open(renderHtmlReport(hostile), 375, 'light');
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script, img, [onload], [onerror]').count()).toBe(0);
    const text = await page.locator('main').innerText();
    expect(text).toContain('<script>window.__pwned = 1</script>');
    expect(text).toContain('Tom & Jerry &amp; &lt;b&gt;');
    expect(text).toContain('বাংলা শিরোনাম 🎉👩🏽‍💻');
    // A bidi override cannot reorder the page: it is shown as U+FFFD.
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('invoice\ufffdgnp.exe');
    const id = hostile.burnups[0]!.id;
    expect(await page.locator('svg.burnup').getAttribute('data-plan')).toBe(id);
    expect((await overflow(page)).wide).toEqual([]);
    await page.context().close();
  });
});
