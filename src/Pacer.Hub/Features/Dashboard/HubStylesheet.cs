namespace Pacer.Hub.Features.Dashboard;

/// <summary>The dashboard's own styles, on top of the HTML report's stylesheet (colours, cards, tables, light and dark).</summary>
internal static class HubStylesheet
{
    public const string Css = """
.hub-nav { display: flex; gap: 16px; align-items: center; padding: 10px 24px; background: var(--panel); border-bottom: 1px solid var(--line); }
.hub-nav .brand { font-weight: 700; color: var(--text); text-decoration: none; }
.hub-nav .grow { flex: 1; }
.hub-nav form { margin: 0; }
.tabs { display: flex; gap: 4px; margin: 16px 0 8px; flex-wrap: wrap; }
.tabs a { padding: 6px 12px; border-radius: 6px; color: var(--muted); text-decoration: none; border: 1px solid transparent; }
.tabs a.current { color: var(--text); border-color: var(--line); background: var(--panel); }
a { color: var(--tone-1); }
button, .button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid var(--line); background: var(--panel); color: var(--text); cursor: pointer; }
.signin { max-width: 360px; margin: 72px auto; background: var(--panel); padding: 24px; border-radius: 10px; box-shadow: var(--shadow); }
.signin label { display: block; margin: 12px 0 4px; color: var(--muted); }
.signin input { width: 100%; padding: 8px; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); color: var(--text); font: inherit; }
.signin button { margin-top: 16px; width: 100%; }
.error { color: var(--bad); background: var(--bad-bg); padding: 8px 12px; border-radius: 6px; }
.pill.met, .pill.passed, .pill.resolved, .pill.same, .pill.improved { color: var(--good); background: var(--good-bg); }
.pill.missed, .pill.failed, .pill.firing, .pill.regressed { color: var(--bad); background: var(--bad-bg); }
.pill.none, .pill.running { color: var(--muted); background: var(--code-bg); }
.empty-state { color: var(--muted); padding: 16px; background: var(--panel); border-radius: 8px; }
ol.history { margin: 4px 0 0; padding-left: 18px; color: var(--muted); }
.live-status { color: var(--muted); }
""";
}
