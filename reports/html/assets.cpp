#include "reports/html/assets.hpp"

namespace rb::reports::html {

std::string_view stylesheet()
{
  return R"css(
:root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --bg-alt: #f5f5f5; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  max-width: 1280px; margin: 0 auto; padding: 16px 24px; }
h1 { font-size: 1.6em; margin: 0.2em 0; } h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 1.8em; }
h3 { margin-top: 1.4em; } h4 { margin: 0.8em 0 0.2em; }
nav ul { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; list-style: none; }
.runs td, .runs th { padding: 2px 10px 2px 0; text-align: left; }
.banner { border: 2px solid #D55E00; background: #fff4ec; padding: 8px 12px; margin: 10px 0; }
.legend-marks span { margin-right: 14px; }
.table-wrap { overflow-x: auto; }
table.data { border-collapse: collapse; font-size: 12.5px; width: 100%; }
table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
table.data th { text-align: left; background: var(--bg-alt); position: sticky; top: 0; }
table.data td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.not-measured, .not-measured { color: var(--muted); font-style: italic; }
.badge { font-size: 10.5px; border-radius: 3px; padding: 0 4px; border: 1px solid; white-space: nowrap; }
.badge.simulated { color: #9a3a00; border-color: #D55E00; }
.badge.estimated { color: #5a4a00; border-color: #E69F00; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 18px; }
figure.chart { margin: 0; border: 1px solid var(--line); padding: 8px; break-inside: avoid; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart figcaption { font-size: 12px; color: var(--muted); }
figure.placeholder .chart-title { font-weight: 600; }
.chart-title { font-size: 15px; font-weight: 600; fill: var(--ink); }
.axis-label { font-size: 12.5px; fill: var(--ink); } .tick, .legend-text { font-size: 11.5px; fill: #333; }
.plot-frame { fill: none; stroke: #999; } .grid { stroke: #e6e6e6; stroke-width: 1; }
.filters { margin: 8px 0; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.verdict { font-size: 11.5px; padding: 0 5px; border-radius: 3px; background: #eee; white-space: nowrap; }
.v-correct { background: #d9f2e6; } .v-incorrect { background: #fadbd2; } .v-truncated { background: #fff0c2; }
.v-no_answer { background: #e8e0f5; } .v-error, .v-timeout { background: #e0e0e0; }
.sample-body { max-width: 900px; }
.sample-body pre, details.reasoning pre { white-space: pre-wrap; word-break: break-word; background: var(--bg-alt);
  padding: 6px 8px; max-height: 24em; overflow: auto; font-size: 12px; }
.sample-body dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
.sample-body dt { font-weight: 600; }
dl.definitions dt { font-weight: 600; margin-top: 6px; } dl.definitions dd { margin-left: 18px; }
footer { margin-top: 2em; color: var(--muted); font-size: 12px; }
@media print {
  @page { margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, .filters, .browser-scope { display: none; }
  .charts { display: block; }
  figure.chart { margin: 0 0 10mm; page-break-inside: avoid; }
  table.data { font-size: 8pt; } table.data th { position: static; }
  .table-wrap { overflow: visible; }
  details.sample-detail > :not(summary) { display: none; }
  a { color: inherit; text-decoration: none; }
}
)css";
}

std::string_view script()
{
  return R"js(
(function () {
  'use strict';
  document.documentElement.setAttribute('data-rb-script', 'ran');
  var table = document.getElementById('samples-table');
  var form = document.getElementById('sample-filters');
  if (!table || !form) { return; }
  var selects = form.querySelectorAll('select');
  var rows = table.tBodies[0].rows;
  var count = document.getElementById('sample-count');
  function apply() {
    var want = {};
    for (var i = 0; i < selects.length; i++) { want[selects[i].name] = selects[i].value; }
    var shown = 0;
    for (var j = 0; j < rows.length; j++) {
      var r = rows[j];
      var ok = (!want.model || r.getAttribute('data-model') === want.model) &&
               (!want.suite || r.getAttribute('data-suite') === want.suite) &&
               (!want.verdict || r.getAttribute('data-verdict') === want.verdict);
      r.hidden = !ok;
      if (ok) { shown++; }
    }
    count.textContent = String(shown);
  }
  for (var i = 0; i < selects.length; i++) { selects[i].addEventListener('change', apply); }
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  apply();
})();
)js";
}

}  // namespace rb::reports::html
