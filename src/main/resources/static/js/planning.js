// Demand chart: FTE (bars) and alarms a year (line, right axis) per projected year, from data-demand-src.
// No inline script (the CSP allows scripts from 'self' only).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var section = document.querySelector('[data-demand-src]');
    if (!section || typeof Chart === 'undefined') { return; }
    var style = getComputedStyle(document.documentElement);
    var brand = style.getPropertyValue('--brand').trim() || '#0b4f6c';
    var warn = style.getPropertyValue('--warn').trim() || '#8a5300';
    fetch(section.getAttribute('data-demand-src'), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        new Chart(document.getElementById('chart-demand'), {
          data: {
            labels: data.labels,
            datasets: [
              { type: 'bar', label: section.getAttribute('data-fte'), data: data.fte, backgroundColor: brand, yAxisID: 'y', order: 2 },
              { type: 'line', label: section.getAttribute('data-alarms'), data: data.alarms, borderColor: warn,
                backgroundColor: warn, yAxisID: 'alarms', order: 1 }
            ]
          },
          options: { maintainAspectRatio: false, scales: {
            y: { beginAtZero: true, position: 'left' },
            alarms: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } }
        });
      });
  });
})();
