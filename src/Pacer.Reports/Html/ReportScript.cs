namespace Pacer.Reports.Html;

/// <summary>
/// The small inline script: hover read-outs on time charts, and a record of what the browser laid
/// out (<c>data-rendered-*</c>) so a headless-browser test can prove the charts really rendered.
/// The page is complete without it.
/// </summary>
internal static class ReportScript
{
    public const string Js = """
(function () {
  var charts = document.querySelectorAll('figure.chart');
  var rendered = 0;
  charts.forEach(function (figure) {
    var svg = figure.querySelector('svg');
    var box = svg.getBoundingClientRect();
    svg.setAttribute('data-rendered-width', Math.round(box.width));
    svg.setAttribute('data-rendered-height', Math.round(box.height));
    figure.querySelectorAll('path[data-series]').forEach(function (line) {
      line.setAttribute('data-rendered-length', Math.round(line.getTotalLength()));
      line.setAttribute('data-rendered-dash', getComputedStyle(line).strokeDasharray);
    });
    figure.querySelectorAll('rect.bar').forEach(function (bar) {
      bar.setAttribute('data-rendered-height', Math.round(bar.getBoundingClientRect().height * 10) / 10);
    });
    figure.querySelectorAll('rect.segment').forEach(function (segment) {
      segment.setAttribute('data-rendered-width', Math.round(segment.getBoundingClientRect().width * 10) / 10);
    });
    if (box.width > 0 && box.height > 0) { rendered++; }
    if (figure.classList.contains('line-chart')) { hover(figure, svg); }
  });
  document.documentElement.setAttribute('data-charts-rendered', rendered);

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }

  function hover(figure, svg) {
    var seconds = (svg.getAttribute('data-seconds') || '').split(' ').filter(Boolean);
    var lines = Array.prototype.slice.call(figure.querySelectorAll('path[data-series]'));
    var cursor = svg.querySelector('.cursor');
    var tip = figure.querySelector('.tip');
    var left = +svg.getAttribute('data-plot-left'), right = +svg.getAttribute('data-plot-right');
    var width = +svg.getAttribute('data-view-width');
    var unit = figure.getAttribute('data-unit') || '';
    if (seconds.length === 0) { return; }
    svg.addEventListener('mousemove', function (event) {
      var box = svg.getBoundingClientRect();
      var x = (event.clientX - box.left) / box.width * width;
      var i = seconds.length < 2 ? 0 : Math.round((x - left) / (right - left) * (seconds.length - 1));
      i = Math.max(0, Math.min(seconds.length - 1, i));
      var at = seconds.length < 2 ? (left + right) / 2 : left + (right - left) * i / (seconds.length - 1);
      cursor.setAttribute('x1', at); cursor.setAttribute('x2', at); cursor.setAttribute('visibility', 'visible');
      var s = +seconds[i];
      var html = '<b>' + Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0') + '</b>';
      lines.forEach(function (line) {
        var v = +(line.getAttribute('data-values').split(' ')[i]);
        var shown = isFinite(v) ? (Math.round(v * 100) / 100) + esc(unit) : '–';
        html += '<span class="' + esc(line.getAttribute('class').replace('line ', '')) + '">' + esc(line.getAttribute('data-label')) + '</span> ' + shown + '<br>';
      });
      tip.innerHTML = html;
      tip.hidden = false;
      var offset = box.left - figure.getBoundingClientRect().left;
      var px = at / width * box.width;
      tip.style.left = offset + (px > box.width / 2 ? px - tip.offsetWidth - 12 : px + 12) + 'px';
    });
    svg.addEventListener('mouseleave', function () { tip.hidden = true; cursor.setAttribute('visibility', 'hidden'); });
  }
})();
""";
}
