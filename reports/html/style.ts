// The style sheet of report.html, inline (the page loads nothing): readable on screen, every
// failure opened and no buttons on paper.
export const STYLE = `
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg-soft: #f6f8fa; --fail: #b42318; --ok: #1a7f37; --skip: #6e7781; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
a { color: #0550ae; }
:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.86em; }
pre { margin: 0.25rem 0 0.75rem; padding: 0.6rem 0.75rem; background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 20rem; overflow: auto; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; }
h4 { font-size: 0.9rem; margin: 0.75rem 0 0.1rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
h5 { font-size: 0.8rem; margin: 0.25rem 0 0; color: var(--muted); }
.meta, .note { color: var(--muted); }
.skip-link { position: absolute; left: -999px; } .skip-link:focus { left: 1rem; top: 0.5rem; background: #fff; padding: 0.25rem 0.5rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.run { color: var(--muted); margin: 0; }
.verdict { font-weight: 600; font-size: 1.05rem; margin: 0.5rem 0; }
.verdict.failed { color: var(--fail); } .verdict.passed { color: var(--ok); }
.alert { border-left: 4px solid var(--warn); background: #fff8c5; padding: 0.4rem 0.75rem; margin: 0.5rem 0; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; margin: 0.5rem 0; }
.totals { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0; padding: 0; list-style: none; }
.totals li { border: 1px solid var(--line); border-radius: 8px; padding: 0.5rem 1rem; min-width: 8rem; }
.totals .n { display: block; font-size: 1.6rem; font-weight: 700; line-height: 1.2; }
.totals .failed .n { color: var(--fail); } .totals .passed .n { color: var(--ok); } .totals .skipped .n { color: var(--skip); } .totals .warnings .n { color: var(--warn); }
.status { display: inline-block; min-width: 3.2em; text-align: center; font-weight: 700; font-size: 0.8em; border-radius: 4px; padding: 0.05em 0.4em; color: #fff; }
.status-failed { background: var(--fail); } .status-passed { background: var(--ok); } .status-skipped { background: var(--skip); }
.level { font-size: 0.75em; font-weight: 600; border: 1px solid currentColor; border-radius: 4px; padding: 0 0.35em; color: var(--muted); }
.level-MUST { color: #8250df; } .level-SHOULD { color: #0550ae; }
.times { font-weight: 700; color: var(--fail); margin-left: 0.35em; }
.check-failures { border: 1px solid #f1aeb5; border-left: 4px solid var(--fail); border-radius: 6px; padding: 0.25rem 1rem 0.5rem; margin: 1rem 0; }
details.failure { border-top: 1px solid var(--line); padding: 0.4rem 0; }
details.failure > summary { cursor: pointer; font-weight: 600; }
.failure-body { padding-left: 1rem; }
.hint { background: #ddf4ff; border-radius: 6px; padding: 0.35rem 0.6rem; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 0 1rem; }
.copyable .copy-head { display: flex; align-items: center; gap: 0.5rem; font-size: 0.85rem; color: var(--muted); }
button.copy { font: inherit; font-size: 0.8rem; padding: 0.1rem 0.6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg-soft); cursor: pointer; }
button.copy:hover { background: #eaeef2; }
.filters { display: none; gap: 1rem; flex-wrap: wrap; margin: 0.5rem 0 1rem; }
.js .filters { display: flex; }
.filters fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0; padding: 0.25rem 0.75rem 0.4rem; }
.filters label { margin-right: 0.9rem; white-space: nowrap; }
.copy { display: none; } .js .copy { display: inline-block; }
table { border-collapse: collapse; margin: 0.5rem 0 1.25rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--bg-soft); font-size: 0.85rem; }
table.checks { width: 100%; table-layout: fixed; }
table.checks thead th:nth-child(1) { width: 4.5rem; } table.checks thead th:nth-child(2) { width: 38%; } table.checks thead th:nth-child(3) { width: 6.5rem; } table.checks thead th:nth-child(4) { width: 4.5rem; }
table.checks th[scope=row] code { overflow-wrap: anywhere; }
table.checks th[scope=row] { font-weight: normal; }
table.checks .title { color: var(--muted); font-size: 0.85rem; }
td.num, .num { text-align: right; font-variant-numeric: tabular-nums; }
.row-failed { background: #fff5f5; }
.note-warning { color: var(--warn); } .note-skip, .note-observed { color: var(--muted); }
.pictures { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
.pictures > section:first-child { flex: 0 1 18rem; } .pictures > section:last-child { flex: 1 1 34rem; min-width: 0; }
table.bars { width: 100%; } table.bars td { width: 75%; }
.bar { display: inline-block; width: calc(100% - 4rem); height: 0.9rem; background: var(--bg-soft); border: 1px solid var(--line); border-radius: 3px; vertical-align: middle; }
.bar > span { display: block; height: 100%; background: #0969da; border-radius: 2px; }
.bars .num { display: inline-block; width: 3.5rem; }
.scroll { overflow-x: auto; }
table.matrix td, table.matrix th { text-align: center; padding: 0.3rem 0.35rem; } table.matrix th[scope=row] { text-align: left; }
table.matrix thead th { font-size: 0.78rem; vertical-align: bottom; }
.heat { text-align: right; font-variant-numeric: tabular-nums; }
.heat-1 { background: #deebf7; } .heat-2 { background: #9ecae1; } .heat-3 { background: #2171b5; color: #fff; } .heat-4 { background: #08519c; color: #fff; }
.miss { background: #fde0dd; color: var(--fail); font-weight: 700; }
.na { color: var(--muted); background: repeating-linear-gradient(45deg, #f6f8fa, #f6f8fa 4px, #eaeef2 4px, #eaeef2 8px); text-align: center; }
.empty { background: #fff; }
.grids { display: grid; grid-template-columns: repeat(auto-fill, minmax(24rem, 1fr)); gap: 0 1.5rem; align-items: start; }
table.grid { width: 100%; font-size: 0.85rem; } table.grid td:first-child { overflow-wrap: anywhere; }
tr.one-side, tr.none { outline: 2px solid var(--fail); }
.flag { color: var(--fail); font-size: 0.8em; }
.strip { display: flex; flex-wrap: wrap; gap: 2px; margin: 0.5rem 0; }
.cell { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: middle; }
.cell.covered { background: #1a7f37; } .cell.unbreakable { background: #7dcf8f; } .cell.one-side { background: #d4a72c; } .cell.none { background: #b42318; }
.legend { font-size: 0.85rem; color: var(--muted); }
.legend .cell { margin: 0 0.2rem 0 0.6rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .filters, button.copy, nav, .skip-link { display: none !important; }
  tr[hidden] { display: table-row; }
  pre { max-height: none; overflow: visible; break-inside: avoid; }
  details.failure, .check-failures, table { break-inside: avoid-page; }
  .heat, .cell, .status, .bar > span, .na { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;
