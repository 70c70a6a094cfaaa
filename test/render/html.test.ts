// The HTML report as text: self-contained, escaped, and the same numbers as its data.
// (In a real browser: test/browser/html-report.test.ts.)
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { renderHtmlReport, type HtmlReportData, type HtmlWeekReport } from '../../src/render/html/index.js';
import { HOSTILE, hostileSample, sample } from './html-sample.js';

/** A Report (what `study report --json` gives) spreads into the page's data as it is. */
export function fromReport(report: Report, extras: Omit<HtmlReportData, keyof HtmlWeekReport>): HtmlReportData {
  return { ...report, ...extras };
}

describe('renderHtmlReport', () => {
  const data = sample();
  const html = renderHtmlReport(data);

  it('is one self-contained document: inline style and SVG, no script, nothing to fetch', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    expect(html).not.toMatch(/(?:src|href)=/i);
    // Forbids every fetch, should anything slip through.
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toContain('@media print');
  });

  it('shows the week, its completions, next week and every plan with its numbers', () => {
    expect(html).toContain('<title>Weekly report 2026-W48 · study</title>');
    for (const c of data.completed) expect(html).toContain(`<bdi>${c.title.replace(/&/g, '&amp;')}</bdi>`);
    for (const n of data.nextWeekPlanned) expect(html).toContain(`<bdi>${n.title}</bdi>`);
    for (const r of data.roadmaps) expect(html).toContain(`${r.done} of ${r.total} items`);
    expect(html).toContain('behind by 5 items');
    expect(html).toContain('ahead by 7 items');
    expect(html.match(/<svg class="burnup"/g)).toHaveLength(data.burnups.length);
  });

  it('escapes hostile titles, ids and labels everywhere: in text, attributes and SVG titles', () => {
    const out = renderHtmlReport(hostileSample());
    expect(out).not.toContain(HOSTILE.script);
    expect(out).not.toContain('onload="');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(out).toContain('&quot; onload=&quot;window.__pwned=2&quot; x=&quot;');
    expect(out).toContain('Tom &amp; Jerry &amp;amp; &amp;lt;b&amp;gt;');
    expect(out).toContain('&lt;/title&gt;&lt;/svg&gt;');
    // Controls and bidi overrides never reach the page.
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('invoice\ufffdgnp.exe');
    expect(out).toContain('বাংলা শিরোনাম 🎉👩🏽‍💻');
  });

  it('says so when nothing happened: no plan, nothing done, no practice', () => {
    const empty = renderHtmlReport(
      sample({ completed: [], nextWeekPlanned: [], roadmaps: [], burnups: [], heatmap: [], leetcodeYear: { perWeek: [], byDifficulty: { easy: 0, medium: 0, hard: 0, unknown: 0 }, byPattern: [] } }),
    );
    expect(empty).toContain('Nothing was marked done this week.');
    expect(empty).toContain('Nothing is planned for next week.');
    expect(empty).toContain('No plan is started');
    expect(empty).toContain('No problem practised yet.');
    expect(empty).not.toContain('class="heatmap"');
  });

  it('marks a forecast past twice the plan with an arrow, and draws no forecast without one', () => {
    expect(html).toContain('forecast 16 Jan 2028 →');
    const none = renderHtmlReport(sample({ burnups: sample().burnups.map((b) => ({ ...b, forecastFinish: null })) }));
    expect(none).not.toContain('class="forecast-line"');
    expect(none).toContain('No recent progress to forecast a finish.');
  });
});
