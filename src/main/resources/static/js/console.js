// Varde operator console: live queue (one row per change, from the stream desk.js holds for the page), age and
// overdue timers, CSRF for htmx. The sound cues and the queue strip are desk.js's, on every operator page.
// No inline scripts (CSP script-src 'self'); everything is wired from data-* attributes.
(function () {
  'use strict';

  // ---- CSRF token for htmx requests (the token is in <meta name="csrf-token">) ----------------------
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // ---- server clock offset, so timers agree with the server's receivedAt --------------------------
  var offset = 0;
  function takeServerTime(root) {
    var el = root.querySelector('[data-server-now]');
    if (el) {
      offset = Number(el.getAttribute('data-server-now')) - Date.now();
    }
  }

  function formatAge(ms) {
    var total = Math.max(0, Math.floor(ms / 1000));
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    var mm = h > 0 ? String(m).padStart(2, '0') : String(m);
    return (h > 0 ? h + ':' : '') + mm + ':' + String(s).padStart(2, '0');
  }

  // Amber from half the claim deadline, red from the deadline (or once escalated); only while unclaimed.
  // The time past the original claim deadline counts up beside it ("over fristen med 1:23").
  function tick() {
    var now = Date.now() + offset;
    document.querySelectorAll('.overdue-by[data-deadline]').forEach(function (el) {
      var past = now - Number(el.getAttribute('data-deadline'));
      var overdue = past >= 0 || el.getAttribute('data-escalated') === 'true';
      var show = overdue && el.getAttribute('data-unclaimed') === 'true';
      el.hidden = !show;
      var time = el.querySelector('.overdue-time');
      if (show && time) time.textContent = formatAge(Math.max(0, past));
    });
    document.querySelectorAll('.age[data-received]').forEach(function (el) {
      var received = Number(el.getAttribute('data-received'));
      var deadline = Number(el.getAttribute('data-deadline'));
      // a closed alarm's age stops at its closing time (issue 11)
      var stopped = el.getAttribute('data-stopped');
      var elapsed = (stopped ? Number(stopped) : now) - received;
      el.textContent = formatAge(elapsed);
      var unclaimed = el.getAttribute('data-unclaimed') === 'true';
      var escalated = el.getAttribute('data-escalated') === 'true';
      var span = Math.max(1, deadline - received);
      var red = unclaimed && (escalated || elapsed >= span);
      var amber = unclaimed && !red && elapsed >= span / 2;
      el.classList.toggle('late', red);
      el.classList.toggle('half', amber);
      var row = el.closest('tr');
      if (row) {
        row.classList.toggle('late', red);
        row.classList.toggle('half', amber);
      }
    });
  }

  // ---- the live queue --------------------------------------------------------------------------------
  // One queue request at a time. A change that arrives while a request is in flight asks for one more request
  // after it: the queue element is replaced by each answer, so a request queued against the old element would
  // land in a detached element and the new alarm would not show.
  var refreshInFlight = false;
  var refreshAgain = false;
  var refreshStarted = 0;
  function refreshQueue(main) {
    if (!window.htmx) return;
    if (refreshInFlight && Date.now() - refreshStarted < 10000) {
      refreshAgain = true;
      return;
    }
    refreshInFlight = true;
    refreshAgain = false;
    refreshStarted = Date.now();
    var done = function () {
      refreshInFlight = false;
      if (refreshAgain) refreshQueue(main);
    };
    var request = htmx.ajax('GET', main.getAttribute('data-queue-url'), { target: '#queue', swap: 'outerHTML' });
    if (request && typeof request.then === 'function') {
      request.then(done, done);
    } else {
      setTimeout(done, 500);
    }
  }

  // ---- one row per live change ------------------------------------------------------------------------
  // The server renders the changed row (or nothing, when it left this tab: closed, or not visible); the row is
  // put in its place by priority, then age, or removed. Requests for the same alarm run one after another, so
  // an older answer never overwrites a newer one.
  var rowChains = {};
  function updateRow(main, id) {
    var previous = rowChains[id] || Promise.resolve();
    var next = previous.then(function () {
      var url = main.getAttribute('data-row-url').replace('ROW_ID', encodeURIComponent(id));
      return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } }).then(function (response) {
        if (response.status === 401) {
          window.location.reload();
          return;
        }
        if (!response.ok) {
          refreshQueue(main);
          return;
        }
        setCount('count-alarms', response.headers.get('Varde-Count-Alarms'));
        setCount('count-technical', response.headers.get('Varde-Count-Technical'));
        return response.text().then(function (html) {
          placeRow(id, html);
        });
      });
    }).catch(function () {
      refreshQueue(main);
    });
    rowChains[id] = next;
    next.then(function () {
      if (rowChains[id] === next) delete rowChains[id];
    });
  }

  // A burst (e.g. a supervisor closing a flood in bulk) re-reads the queue once instead of row by row.
  var BURST = 20;
  var pendingRows = new Set();
  var flushTimer = null;
  function rowChanged(main, id) {
    pendingRows.add(id);
    if (flushTimer) return;
    flushTimer = setTimeout(function () {
      flushTimer = null;
      var ids = Array.from(pendingRows);
      pendingRows.clear();
      if (ids.length > BURST) {
        refreshQueue(main);
      } else {
        ids.forEach(function (changed) { updateRow(main, changed); });
      }
    }, 50);
  }

  function setCount(elementId, value) {
    var el = document.getElementById(elementId);
    if (el && value !== null) el.textContent = value;
  }

  // Waiting alarms in their own section, above the handled ones; within a section by priority, then the
  // original claim deadline (the longest overdue first), as the server orders them.
  function placeRow(id, html) {
    var queue = document.getElementById('queue');
    var table = queue && queue.querySelector('table.queue');
    if (!table) return;
    var old = document.getElementById('alarm-' + id);
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    var row = template.content.querySelector('tr');
    if (old) old.remove();
    if (row) {
      var body = table.querySelector(row.classList.contains('unclaimed') ? 'tbody.waiting' : 'tbody.handled');
      var priority = Number(row.getAttribute('data-priority'));
      var deadline = Number(row.getAttribute('data-deadline'));
      var before = null;
      body.querySelectorAll('tr.alarm-row').forEach(function (candidate) {
        if (before) return;
        var p = Number(candidate.getAttribute('data-priority'));
        var d = Number(candidate.getAttribute('data-deadline'));
        if (p > priority || (p === priority && d > deadline)) before = candidate;
      });
      body.insertBefore(row, before);
    }
    table.querySelectorAll('tbody').forEach(function (section) {
      var count = section.querySelectorAll('tr.alarm-row').length;
      section.hidden = count === 0;
      var counter = section.querySelector('.section-count');
      if (counter) counter.textContent = String(count);
    });
    var empty = table.querySelectorAll('tr.alarm-row').length === 0;
    table.hidden = empty;
    var message = document.getElementById('queue-empty');
    if (message) message.hidden = !empty;
    tick();
    // keys.js puts the focus back on this alarm's row if it was there (a live update must not drop it to <body>)
    document.dispatchEvent(new CustomEvent('varde:queue-row', { detail: { id: id } }));
  }

  // The page's one stream is desk.js's (the strip is on every operator page); it passes the events on.
  function listen(main) {
    var isQueue = main.hasAttribute('data-console-queue');
    document.addEventListener('varde:ready', function () {
      if (isQueue) refreshQueue(main); // catch up on anything missed while disconnected
    });
    document.addEventListener('varde:alarm', function (event) {
      var change = event.detail;
      // (the alarm page's own refresh, with a banner naming the change, is alarm-page.js's)
      if (isQueue) rowChanged(main, change.id);
    });
    document.addEventListener('varde:stream', function (event) {
      // closed for good (e.g. the session expired): re-reading the queue tells which; a 401 there sends the
      // operator to the login page
      if (event.detail.closed && isQueue) refreshQueue(main);
    });
  }

  // ---- an open live page keeps its session: the stream alone does not restart the idle timer ------------
  function keepAlive() {
    var meta = document.querySelector('meta[name="keep-alive-seconds"]');
    var seconds = meta ? Number(meta.content) : 0;
    if (!(seconds > 0)) return;
    setInterval(function () {
      fetch(meta.getAttribute('data-url') || '/session/keep-alive', {
        credentials: 'same-origin', headers: { 'HX-Request': 'true' }, cache: 'no-store'
      }).then(function (response) {
        if (response.status === 401) window.location.reload(); // signed out elsewhere: show the login page
      }).catch(function () { /* offline for a moment: the next round tries again */ });
    }, seconds * 1000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var main = document.querySelector('main[data-live]');
    takeServerTime(document);
    document.body.addEventListener('htmx:responseError', function (event) {
      if (event.detail.xhr && event.detail.xhr.status === 401) {
        window.location.reload();
      }
    });
    document.body.addEventListener('htmx:afterSwap', function () {
      takeServerTime(document);
      tick();
    });
    tick();
    setInterval(tick, 1000);
    if (main) {
      listen(main);
      keepAlive();
      // safety net if the stream silently stalls: re-read the whole queue now and then
      if (main.hasAttribute('data-console-queue')) {
        var resync = Number(main.getAttribute('data-resync-ms')) || 30000;
        setInterval(function () { refreshQueue(main); }, resync);
      }
    }
  });
})();
