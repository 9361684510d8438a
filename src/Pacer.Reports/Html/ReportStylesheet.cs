namespace Pacer.Reports.Html;

/// <summary>
/// The one stylesheet every HTML report inlines (no fetches: a report is a single file that opens
/// anywhere, including offline and inside CI artifact viewers). Light and dark follow the reader's
/// system setting.
/// </summary>
internal static class ReportStylesheet
{
    public const string Css = """
:root {
  --bg: #f6f7f9; --panel: #ffffff; --text: #1b1f24; --muted: #5b6470; --line: #e3e6ea; --grid: #eceef1;
  --good: #1a7f37; --good-bg: #e6f4ea; --bad: #cf222e; --bad-bg: #fdecea; --warn: #9a6700; --warn-bg: #fff4d6;
  --tone-1: #2f6fdb; --tone-2: #e8833a; --tone-3: #c2347a; --tone-4: #12a39a; --code-bg: #f3f4f6;
  --tone-5: #7a5af5; --tone-6: #8a6d1f; --tone-7: #4b8b2b; --tone-8: #5f6b7a; --info: #2f6fdb;
  --shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 1px 3px rgba(16, 24, 40, .08);
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1216; --panel: #171b21; --text: #e6e9ed; --muted: #98a2ae; --line: #2a3038; --grid: #232830;
    --good: #4ac26b; --good-bg: #12261a; --bad: #ff6b6b; --bad-bg: #2d1517; --warn: #e3b341; --warn-bg: #2b2410;
    --tone-1: #6ea2ff; --tone-2: #ffa45c; --tone-3: #f07ab5; --tone-4: #3fd1c6; --code-bg: #0f1318;
    --tone-5: #a994ff; --tone-6: #e0c067; --tone-7: #8fd46a; --tone-8: #a9b4c2; --info: #6ea2ff;
    --shadow: none;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 22px; margin: 0; letter-spacing: -.01em; }
h2 { font-size: 16px; margin: 32px 0 12px; }
.sub { color: var(--muted); margin-top: 4px; }
header.top { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
.verdict { font-weight: 600; font-size: 13px; padding: 4px 12px; border-radius: 999px; }
.verdict.pass { color: var(--good); background: var(--good-bg); }
.verdict.fail { color: var(--bad); background: var(--bad-bg); }
.banner { margin-top: 16px; padding: 10px 14px; border-radius: 8px; background: var(--warn-bg); color: var(--warn); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin-top: 20px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; box-shadow: var(--shadow); }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 26px; font-weight: 650; margin-top: 2px; font-variant-numeric: tabular-nums; }
.card .note { color: var(--muted); font-size: 12px; }
.card.bad .value { color: var(--bad); }
.card.good .value { color: var(--good); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 12px; }
.chart { position: relative; margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px 6px; box-shadow: var(--shadow); }
.chart figcaption { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; flex-wrap: wrap; }
.chart-title { font-weight: 600; }
.legend { display: flex; gap: 12px; color: var(--muted); font-size: 12px; }
.legend .key i { display: inline-block; width: 10px; height: 3px; border-radius: 2px; margin-right: 5px; vertical-align: middle; background: currentColor; }
.chart svg { display: block; width: 100%; height: auto; margin-top: 6px; overflow: visible; }
.chart text { fill: var(--muted); font-size: 11px; font-variant-numeric: tabular-nums; }
.chart .grid line { stroke: var(--grid); stroke-width: 1; }
.chart .line { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
.chart .area { stroke: none; opacity: .14; }
.chart .cursor { stroke: var(--muted); stroke-dasharray: 3 3; }
.chart .bar { fill: var(--tone-1); opacity: .85; }
.chart .bar:hover { opacity: 1; }
.chart .marker { stroke-width: 1.5; stroke-dasharray: 4 3; }
.tone-1 { color: var(--tone-1); stroke: var(--tone-1); fill: var(--tone-1); }
.tone-2 { color: var(--tone-2); stroke: var(--tone-2); fill: var(--tone-2); }
.tone-3 { color: var(--tone-3); stroke: var(--tone-3); fill: var(--tone-3); }
.tone-4 { color: var(--tone-4); stroke: var(--tone-4); fill: var(--tone-4); }
.tone-5 { color: var(--tone-5); stroke: var(--tone-5); fill: var(--tone-5); }
.tone-6 { color: var(--tone-6); stroke: var(--tone-6); fill: var(--tone-6); }
.tone-7 { color: var(--tone-7); stroke: var(--tone-7); fill: var(--tone-7); }
.tone-8 { color: var(--tone-8); stroke: var(--tone-8); fill: var(--tone-8); }
.tone-bad { color: var(--bad); stroke: var(--bad); fill: var(--bad); }
.chart path.line { fill: none; }
.chart .line.dashed { stroke-dasharray: 6 4; stroke-width: 1.5; }
.legend .key.dashed i { background: none; border-top: 2px dashed currentColor; height: 0; }
.chart .dot.partial { fill: var(--panel); stroke-width: 2; }
.chart-note { margin: 2px 0 4px; color: var(--muted); font-size: 12px; }
.status-bar svg { height: 28px; border-radius: 6px; overflow: hidden; }
.status-bar { margin-bottom: 12px; }
.status-pass { color: var(--good); fill: var(--good); }
.status-info { color: var(--info); fill: var(--info); }
.status-warn { color: var(--warn); fill: var(--warn); }
.status-fail { color: var(--bad); fill: var(--bad); }
.status-none { color: var(--muted); fill: var(--muted); }
.pill.info { color: var(--info); background: var(--code-bg); }
.comparison p { margin: 0 0 10px; }
.comparison .banner { margin: 0 0 10px; }
.marker-p50 { color: var(--tone-4); stroke: var(--tone-4); }
.marker-p95 { color: var(--tone-2); stroke: var(--tone-2); }
.marker-p99 { color: var(--tone-3); stroke: var(--tone-3); }
.tip { position: absolute; top: 40px; pointer-events: none; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; font-size: 12px; box-shadow: 0 4px 12px rgba(0,0,0,.15); white-space: nowrap; }
.tip b { display: block; margin-bottom: 2px; }
table { width: 100%; border-collapse: collapse; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; box-shadow: var(--shadow); }
th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
tr:last-child td { border-bottom: none; }
td code { word-break: break-word; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.fail td:first-child { box-shadow: inset 3px 0 0 var(--bad); }
.pill { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; white-space: nowrap; }
.pill.pass { color: var(--good); background: var(--good-bg); }
.pill.fail { color: var(--bad); background: var(--bad-bg); }
.pill.skip, .pill.none { color: var(--muted); background: var(--code-bg); }
.pill.warn { color: var(--warn); background: var(--warn-bg); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
pre { background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin: 6px 0 0; overflow: auto; max-height: 420px; white-space: pre-wrap; word-break: break-word; }
.muted { color: var(--muted); }
a { color: var(--tone-1); text-decoration: none; }
a:hover { text-decoration: underline; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 6px 18px; margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; box-shadow: var(--shadow); }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
details { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; margin-bottom: 10px; box-shadow: var(--shadow); }
details > summary { cursor: pointer; padding: 10px 14px; display: flex; align-items: center; gap: 10px; list-style: none; }
details > summary::-webkit-details-marker { display: none; }
details > summary::before { content: "▸"; color: var(--muted); transition: transform .15s; }
details[open] > summary::before { transform: rotate(90deg); }
details.fail { border-color: var(--bad); }
details .body { padding: 0 14px 14px; }
details details { box-shadow: none; margin: 8px 0 0; }
.step-title { font-weight: 600; }
.grow { flex: 1; }
.exchange { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-top: 10px; }
@media (max-width: 900px) { .exchange { grid-template-columns: 1fr; } .charts { grid-template-columns: 1fr; } }
.exchange h4, .body h4 { margin: 12px 0 4px; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.reason { color: var(--bad); margin: 6px 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; text-align: center; }
""";
}
