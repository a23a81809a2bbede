// Benefits chart: realised (bars) against planned (line) per month, from the JSON the page names in
// data-chart-src. No inline script (the CSP allows scripts from 'self' only).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var section = document.querySelector('[data-chart-src]');
    if (!section || typeof Chart === 'undefined') { return; }
    var style = getComputedStyle(document.documentElement);
    var brand = style.getPropertyValue('--brand').trim() || '#0b4f6c';
    var accent = style.getPropertyValue('--accent').trim() || '#0b6e4f';
    fetch(section.getAttribute('data-chart-src'), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        new Chart(document.getElementById('chart-realisation'), {
          data: {
            labels: data.labels,
            datasets: [
              { type: 'bar', label: section.getAttribute('data-realised') + ' (' + data.unit + ')',
                data: data.realised, backgroundColor: accent },
              { type: 'line', label: section.getAttribute('data-planned') + ' (' + data.unit + ')',
                data: data.planned, borderColor: brand, backgroundColor: brand, pointRadius: 2, tension: 0 }
            ]
          },
          options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
        });
      });
  });
})();
