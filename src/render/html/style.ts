// The HTML report's stylesheet: system fonts, colours as custom properties with a light
// and a dark set (prefers-color-scheme), a print set, and the SVG charts' classes.
export const STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --surface: #ffffff; --text: #1b1f24; --muted: #5b6470; --border: #dfe3e8; --grid: #eceff3;
  --accent: #2f6fdb; --planned: #8a94a3; --forecast: #c2410c;
  --l0: #ebedf0; --l1: #a6e3b0; --l2: #5cc46e; --l3: #2f9e48; --l4: #1c6b30; --dot: #1b1f24;
  --rest-bg: #f1f2f4; --rest-line: #c9ced6; --frozen: #bcd9ff; --frozen-line: #4a8ee8;
  --easy: #2f9e6e; --medium: #d08a12; --hard: #d1453b; --unknown: #8a94a3;
  --behind: #b42318; --behind-bg: #fde8e6; --ahead: #1c7a3a; --ahead-bg: #e3f5e8; --neutral-bg: #eef1f5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1216; --surface: #171b21; --text: #e6e9ee; --muted: #9aa4b1; --border: #2a313a; --grid: #232a32;
    --accent: #6ea2ff; --planned: #8793a3; --forecast: #fb923c;
    --l0: #222830; --l1: #0e4429; --l2: #006d32; --l3: #26a641; --l4: #39d353; --dot: #f3f5f7;
    --rest-bg: #1b2027; --rest-line: #3a434e; --frozen: #1d3b63; --frozen-line: #6aa6ff;
    --easy: #3fbf86; --medium: #e7a93a; --hard: #f0675d; --unknown: #8793a3;
    --behind: #ff8f85; --behind-bg: #3d1a18; --ahead: #6fdc8c; --ahead-bg: #15311f; --neutral-bg: #232a32;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Bengali", sans-serif;
  overflow-wrap: anywhere;
}
main { max-width: 1040px; margin: 0 auto; padding: 24px 16px 40px; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0; letter-spacing: -0.01em; }
h1 .week { color: var(--accent); font-variant-numeric: tabular-nums; }
h2 { font-size: 1.15rem; margin: 0 0 12px; }
h3 { font-size: 1rem; margin: 16px 0 8px; }
p { margin: 0 0 8px; }
code { font: 0.85em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--muted); }
.top { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 16px; margin-bottom: 16px; }
.range { color: var(--muted); margin: 0; }
.muted, .lead { color: var(--muted); }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: 12px; padding: 18px 20px; margin: 0 0 16px; min-width: 0; }
.two { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 0 16px; }
.two > * { min-width: 0; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 0 0 16px; }
.tile { background: var(--surface); border: 1px solid var(--border); border-radius: 12px; padding: 12px 16px; display: flex; flex-direction: column-reverse; }
.tile dt { color: var(--muted); font-size: 0.85rem; }
.tile dd { margin: 0; font-size: 1.8rem; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
.items { list-style: none; margin: 0; padding: 0; }
.items li { padding: 6px 0; border-top: 1px solid var(--grid); display: grid; grid-template-columns: 1.2em minmax(0, 1fr) auto; gap: 0 8px; align-items: baseline; }
.items li:first-child { border-top: 0; }
.items .mark { color: var(--l3); font-weight: 700; }
.item-next .mark { color: var(--muted); }
.items time, .items .muted { justify-self: end; text-align: right; color: var(--muted); font-size: 0.85rem; }
.plan { padding: 4px 0 12px; }
.plan + .plan { border-top: 1px solid var(--border); padding-top: 16px; margin-top: 8px; }
.plan h3 { margin: 0 0 2px; font-size: 1.05rem; }
.plan-meta { color: var(--muted); font-size: 0.9rem; }
.pill { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 0.8rem; font-weight: 600; background: var(--neutral-bg); color: var(--text); white-space: nowrap; }
.pill.behind { background: var(--behind-bg); color: var(--behind); }
.pill.ahead, .pill.finished { background: var(--ahead-bg); color: var(--ahead); }
.meter-row { display: grid; grid-template-columns: 5.5em 1fr 3em; align-items: center; gap: 8px; font-size: 0.85rem; color: var(--muted); }
.meter { height: 8px; border-radius: 4px; background: var(--grid); overflow: hidden; display: block; }
.meter span { display: block; height: 100%; border-radius: 4px; }
.fill-done { background: var(--l3); }
.fill-expected { background: var(--planned); }
.meter-value { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 8px 0 4px; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 6px; }
.heatmap-wrap { display: flex; flex-wrap: wrap; gap: 8px 24px; }
.heatmap-wrap svg.heatmap { flex: 1 1 320px; min-width: 0; max-width: 520px; }
svg.defs { position: absolute; width: 0; height: 0; }
svg text { fill: var(--muted); font-size: 11px; font-family: inherit; }
svg .axis { font-size: 10px; }
svg.burnup .axis, svg.weekly .axis { font-size: 12px; }
.hm-cell { stroke: none; }
.hm-cell.l0 { fill: var(--l0); } .hm-cell.l1 { fill: var(--l1); } .hm-cell.l2 { fill: var(--l2); }
.hm-cell.l3 { fill: var(--l3); } .hm-cell.l4 { fill: var(--l4); }
.hm-cell.rest { fill: url(#hatch); }
.hatch-bg { fill: var(--rest-bg); } .hatch-line { stroke: var(--rest-line); stroke-width: 1.6; }
.hm-cell.frozen { fill: var(--frozen); stroke: var(--frozen-line); stroke-width: 1; }
.hm-dot { fill: var(--dot); opacity: 0.75; }
.hm-day:hover rect { stroke: var(--text); stroke-width: 1; }
.legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; color: var(--muted); font-size: 0.8rem; margin: 6px 0 8px; }
.legend .sep { width: 10px; }
.swatch { width: 11px; height: 11px; }
.key { display: inline-block; width: 18px; height: 0; border-top: 2.5px solid var(--l3); margin-left: 8px; }
.key.planned { border-top: 2px dashed var(--planned); }
.key.forecast { border-top: 2px dotted var(--forecast); }
.legend .key:first-child { margin-left: 0; }
.grid { stroke: var(--grid); stroke-width: 1; }
.axis-line, .tick { stroke: var(--border); stroke-width: 1; }
.total { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 1 3; }
.done-line { fill: none; stroke: var(--l3); stroke-width: 2.5; stroke-linejoin: round; }
.planned-line { fill: none; stroke: var(--planned); stroke-width: 1.8; stroke-dasharray: 5 4; }
.forecast-line { fill: none; stroke: var(--forecast); stroke-width: 2; stroke-dasharray: 2 4; stroke-linecap: round; }
.done-pt { fill: var(--surface); stroke: var(--l3); stroke-width: 2; }
.planned-pt { fill: var(--planned); }
.rule { stroke-width: 1; stroke-dasharray: 3 3; }
.rule.planned { stroke: var(--planned); } .rule.forecast { stroke: var(--forecast); }
svg .rule-label { font-size: 12px; font-weight: 600; }
svg .rule-label.planned { fill: var(--muted); } svg .rule-label.forecast { fill: var(--forecast); }
.bar { fill: var(--accent); } .bar.empty { fill: var(--border); }
.bar:hover { opacity: 0.8; }
.strip { list-style: none; display: flex; gap: 6px; padding: 0; margin: 4px 0 8px; flex-wrap: wrap; }
.strip li { display: flex; flex-direction: column; align-items: center; gap: 2px; font-size: 0.75rem; color: var(--muted); }
.strip-cell { width: 30px; height: 22px; border-radius: 5px; display: grid; place-items: center; font-weight: 600; color: var(--text); }
.strip-cell.l0 { background: var(--l0); } .strip-cell.l1 { background: var(--l1); } .strip-cell.l2 { background: var(--l2); color: #fff; }
.strip-cell.l3 { background: var(--l3); color: #fff; }
table { border-collapse: collapse; width: 100%; font-size: 0.88rem; }
caption { text-align: left; color: var(--muted); font-size: 0.8rem; padding-bottom: 4px; }
th, td { text-align: left; padding: 4px 8px 4px 0; vertical-align: baseline; }
thead th { color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--border); }
table.data td, table.data th { border-bottom: 1px solid var(--grid); font-variant-numeric: tabular-nums; }
table.bars th[scope="row"] { font-weight: 500; width: 45%; }
table.bars td.count { text-align: right; width: 4.5em; font-variant-numeric: tabular-nums; padding-right: 10px; }
table.bars thead th:nth-child(2) { text-align: right; padding-right: 10px; white-space: nowrap; }
table.bars th, table.bars td { overflow-wrap: normal; }
.bar-cell { width: 45%; }
.hbar { display: block; height: 10px; min-width: 2px; border-radius: 3px; background: var(--accent); }
.hbar.easy { background: var(--easy); } .hbar.medium { background: var(--medium); } .hbar.hard { background: var(--hard); } .hbar.unknown { background: var(--unknown); }
.table-wrap { max-width: 100%; overflow-x: auto; }
details { margin: 8px 0 0; }
summary { cursor: pointer; color: var(--accent); font-size: 0.88rem; }
details[open] summary { margin-bottom: 6px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
footer { color: var(--muted); font-size: 0.8rem; text-align: center; margin-top: 24px; }
@media (max-width: 600px) {
  main { padding: 16px 10px 32px; }
  .card { padding: 14px 12px; border-radius: 10px; }
  h1 { font-size: 1.4rem; }
  .tiles { grid-template-columns: 1fr 1fr; gap: 8px; }
  .tile dd { font-size: 1.5rem; }
  svg.burnup .axis, svg.weekly .axis { font-size: 24px; }
  svg.burnup .rule-label { font-size: 22px; }
  svg.burnup .rule-label.row0 { transform: translateY(6px); }
  svg.burnup .rule-label.row1 { transform: translateY(16px); }
  svg .axis.minor { display: none; }
  .items li { grid-template-columns: 1.2em minmax(0, 1fr); }
  .items li > time, .items li > .muted { grid-column: 2; }
}
@media print {
  :root {
    color-scheme: light;
    --bg: #fff; --surface: #fff; --text: #000; --muted: #444; --border: #bbb; --grid: #ddd;
    --l0: #eee; --rest-bg: #f4f4f4; --dot: #000; --neutral-bg: #eee;
  }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card, .tile { border-color: #bbb; break-inside: avoid; }
  .plan { break-inside: avoid; }
  details, summary { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
