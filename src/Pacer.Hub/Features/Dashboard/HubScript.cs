namespace Pacer.Hub.Features.Dashboard;

/// <summary>
/// The dashboard's script: a live run's page follows the run over SSE (<c>data-events</c>) and redraws
/// its numbers each second, then reloads to the full report when the result arrives. Served as a file,
/// so the pages' Content-Security-Policy allows no inline script.
/// </summary>
internal static class HubScript
{
    public const string Js = """
(function () {
  var live = document.querySelector('[data-events]');
  if (!live || !window.EventSource) { return; }
  var source = new EventSource(live.getAttribute('data-events'));
  var rows = document.querySelector('[data-live-points]');
  var status = document.querySelector('[data-live-status]');
  source.addEventListener('following', function () { if (status) { status.textContent = 'following the run…'; } });
  source.addEventListener('progress', function (e) {
    var p = JSON.parse(e.data).point;
    if (!p || !rows) { return; }
    var tr = document.createElement('tr');
    [p.second, p.requests, p.errors, p.p50_ms, p.p95_ms, p.p99_ms, p.vus].forEach(function (v) {
      var td = document.createElement('td'); td.className = 'num'; td.textContent = v === null || v === undefined ? '–' : String(v); tr.appendChild(td);
    });
    tr.setAttribute('data-second', String(p.second));
    rows.appendChild(tr);
    if (status) { status.textContent = 'second ' + p.second + ': ' + p.requests + ' requests, p95 ' + p.p95_ms + ' ms'; }
  });
  source.addEventListener('completed', function () { source.close(); window.location.reload(); });
})();
""";
}
