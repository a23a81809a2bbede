// Economics charts: reads the figures from the JSON the page names in data-chart-src and draws them with
// Chart.js. No inline script (the CSP allows scripts from 'self' only).
(function () {
  'use strict';

  function nok(value, locale) {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  }

  function palette() {
    var style = getComputedStyle(document.documentElement);
    return {
      muted: style.getPropertyValue('--muted').trim() || '#4a5866',
      brand: style.getPropertyValue('--brand').trim() || '#0b4f6c',
      accent: style.getPropertyValue('--accent').trim() || '#0b6e4f',
      warn: style.getPropertyValue('--warn').trim() || '#8a5300',
      ink: style.getPropertyValue('--ink').trim() || '#14202b'
    };
  }

  function draw(data, locale) {
    var colors = palette();
    Chart.defaults.color = colors.ink;
    var money = function (v) { return nok(v, locale); };
    var tooltip = { callbacks: { label: function (c) {
      var v = c.raw;
      if (Array.isArray(v)) { return c.label + ': ' + money(v[0]) + ' – ' + money(v[1]); }
      return c.dataset.label + ': ' + money(v);
    } } };

    var m = data.municipalities;
    new Chart(document.getElementById('chart-municipalities'), {
      type: 'bar',
      data: { labels: m.labels, datasets: [
        { label: m.datasets[0].label, data: m.datasets[0].data, backgroundColor: colors.muted },
        { label: m.datasets[1].label, data: m.datasets[1].data, backgroundColor: colors.accent },
        { label: m.datasets[2].label, data: m.datasets[2].data, backgroundColor: colors.warn }
      ] },
      options: { maintainAspectRatio: false, plugins: { tooltip: tooltip },
        scales: { y: { ticks: { callback: money } } } }
    });

    var y = data.years;
    new Chart(document.getElementById('chart-years'), {
      data: { labels: y.labels, datasets: [
        { type: 'bar', label: y.datasets[0].label, data: y.datasets[0].data, backgroundColor: colors.muted },
        { type: 'bar', label: y.datasets[1].label, data: y.datasets[1].data, backgroundColor: colors.accent },
        { type: 'line', label: y.datasets[2].label, data: y.datasets[2].data, borderColor: colors.brand,
          backgroundColor: colors.brand }
      ] },
      options: { maintainAspectRatio: false, plugins: { tooltip: tooltip },
        scales: { y: { ticks: { callback: money } } } }
    });

    var t = data.tornado;
    // one row per driver: a bar from today's savings to the savings at the low value and one to the high value,
    // in two colours, with a vertical base line; long driver names wrap instead of being clipped
    var canvas = document.getElementById('chart-tornado');
    canvas.parentNode.style.height = Math.max(320, t.labels.length * 48 + 90) + 'px';
    var baseLine = { id: 'tornadoBase', afterDatasetsDraw: function (chart) {
      var x = chart.scales.x.getPixelForValue(t.base);
      var area = chart.chartArea;
      var ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = colors.ink;
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(x, area.top);
      ctx.lineTo(x, area.bottom);
      ctx.stroke();
      ctx.restore();
    } };
    function wrap(label) {
      var words = String(label).split(' '); var lines = []; var line = '';
      words.forEach(function (word) {
        if ((line + ' ' + word).trim().length > 26 && line) { lines.push(line); line = word; }
        else { line = (line + ' ' + word).trim(); }
      });
      if (line) { lines.push(line); }
      return lines;
    }
    new Chart(canvas, {
      type: 'bar',
      data: { labels: t.labels.map(wrap), datasets: [
        { label: t.lowLabel, data: t.ranges.map(function (r) { return [t.base, r[0]]; }),
          backgroundColor: colors.warn, grouped: false },
        { label: t.highLabel, data: t.ranges.map(function (r) { return [t.base, r[1]]; }),
          backgroundColor: colors.accent, grouped: false },
        { type: 'line', label: t.baseLabel + ': ' + money(t.base), data: [], borderColor: colors.ink,
          borderDash: [4, 3], backgroundColor: colors.ink }
      ] },
      options: { indexAxis: 'y', maintainAspectRatio: false,
        plugins: { tooltip: { callbacks: { label: function (c) {
          return c.dataset.label + ': ' + money(c.raw[1]);
        } } } },
        scales: { x: { ticks: { callback: money } }, y: { ticks: { autoSkip: false } } } },
      plugins: [baseLine]
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var section = document.querySelector('[data-chart-src]');
    if (!section || typeof Chart === 'undefined') { return; }
    var locale = document.documentElement.lang === 'en' ? 'en-GB' : 'nb-NO';
    fetch(section.getAttribute('data-chart-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (data) { draw(data, locale); })
      .catch(function () { section.setAttribute('data-chart-error', 'true'); });
  });
})();
