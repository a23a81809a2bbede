// Varde: the alarm page on one screen (issue 11). The actions are plain forms that htmx posts in place (the answer's
// #alarm-desk replaces this one): this script keeps the operator's focus and each column's scroll across those swaps
// and across live refreshes, refreshes the head and the timeline when the alarm changes under the operator (another
// operator, a call-out accepted) with a banner naming each change, fills in the call log from a call button, and
// shows the device's position on a map when a tile server is configured.
// No inline scripts (CSP script-src 'self'); everything is wired from data-* attributes.
(function () {
  'use strict';

  var main = null;
  var lastSeen = 0;

  // ---- layout: the columns fill the window below the head and scroll on their own -------------------------------
  function measure() {
    var grid = document.querySelector('.desk-grid');
    if (!grid) return;
    var top = grid.getBoundingClientRect().top + window.scrollY;
    document.documentElement.style.setProperty('--desk-top', Math.round(top) + 'px');
  }

  // ---- focus and scroll across swaps --------------------------------------------------------------------------------
  function columnScrolls() {
    var scrolls = {};
    document.querySelectorAll('.desk-col[id]').forEach(function (col) { scrolls[col.id] = col.scrollTop; });
    return scrolls;
  }

  function restoreScrolls(scrolls) {
    Object.keys(scrolls).forEach(function (id) {
      var col = document.getElementById(id);
      if (col) col.scrollTop = scrolls[id];
    });
  }

  function focusLost() {
    var active = document.activeElement;
    return !active || active === document.body || !document.contains(active);
  }

  // After an action: a refusal or problem first (it says what to do), else the confirmation; else the alarm's heading.
  // A refusal takes the focus even from a field that survived the swap: it is the answer to what the operator just
  // did, and may hold the next step (a confirmation), which the keyboard must reach with one Tab.
  function focusAfterAction() {
    var refusal = document.querySelector('#claim-refused, #refused, #invalid');
    if (refusal) {
      refusal.focus({ preventScroll: true });
      return;
    }
    if (!focusLost()) return;
    var target = document.getElementById('done-message') || document.getElementById('h-alarm');
    if (target) target.focus({ preventScroll: true });
  }

  // Replaces an element by its fresh copy, keeping the focused element (by id) and a field's caret.
  function replaceKeepingFocus(old, fresh) {
    var active = document.activeElement;
    var activeId = active && old.contains(active) ? active.id : null;
    var selection = null;
    if (activeId && typeof active.selectionStart === 'number') {
      try { selection = [active.selectionStart, active.selectionEnd]; } catch (e) { selection = null; }
    }
    // the timers' text until their next second (console.js ticks them), instead of the rendered 0:00
    ['.age', '.overdue-time'].forEach(function (selector) {
      var was = old.querySelector(selector), now = fresh.querySelector(selector);
      if (was && now) now.textContent = was.textContent;
    });
    old.replaceWith(fresh);
    if (window.htmx) htmx.process(fresh);
    if (activeId) {
      var again = document.getElementById(activeId);
      if (again) {
        again.focus({ preventScroll: true });
        if (selection && typeof again.setSelectionRange === 'function') {
          try { again.setSelectionRange(selection[0], selection[1]); } catch (e) { /* not a text field */ }
        }
      } else {
        var heading = document.getElementById('h-alarm');
        if (heading) heading.focus({ preventScroll: true });
      }
    }
  }

  // ---- what changed: new timeline entries by someone else, named in the banner ---------------------------------------
  function noticeEntries(timeline) {
    if (!timeline) return;
    var me = main.getAttribute('data-me');
    var changes = [];
    var newest = lastSeen;
    timeline.querySelectorAll('tbody tr[data-entry]').forEach(function (row) {
      var id = Number(row.getAttribute('data-entry'));
      if (id > newest) newest = id;
      if (lastSeen > 0 && id > lastSeen) {
        row.classList.add('new-entry');
        if (row.getAttribute('data-actor') !== me) changes.push(row.getAttribute('data-change'));
      }
    });
    var fresh = timeline.querySelectorAll('tr.new-entry');
    if (fresh.length) {
      // the newest entries are at the bottom of the timeline: bring them into the column's view
      var col = document.getElementById('col-timeline');
      if (col && col.scrollHeight > col.clientHeight) col.scrollTop = col.scrollHeight;
    }
    lastSeen = newest;
    if (changes.length) showChanges(changes);
  }

  function showChanges(changes) {
    var banner = document.getElementById('alarm-changed');
    var list = document.getElementById('alarm-changes');
    if (!banner || !list) return;
    changes.forEach(function (text) {
      var item = document.createElement('li');
      item.textContent = text;
      list.appendChild(item);
    });
    banner.hidden = false;
    measure();
  }

  function dirty(form) {
    return Array.prototype.some.call(form.elements, function (field) {
      if (field.type === 'hidden' || field.type === 'submit' || field.type === 'button') return false;
      if (field.tagName === 'SELECT') return field.selectedIndex > 0;
      return typeof field.value === 'string' && field.value !== field.defaultValue;
    });
  }

  // The alarm changed: read the page again (as a re-render, under the audit rule) and put the fresh head and timeline
  // in place; the actions only when what is possible changed and the operator has typed nothing.
  // An action's answer in place replaces the whole desk: a live refresh waits for it, else it could show the new
  // state first and the operator start typing into forms the answer then replaces.
  var inFlight = false, again = false, deskRequests = 0;
  function refreshLive() {
    if (inFlight || deskRequests > 0) { again = true; return; }
    inFlight = true;
    again = false;
    fetch(main.getAttribute('data-page-url'), {
      credentials: 'same-origin', cache: 'no-store', headers: { 'HX-Request': 'true', 'Accept': 'text/html' }
    }).then(function (response) {
      if (response.status === 401) { window.location.reload(); return null; }
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (!html) return;
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      ['alarm-head', 'held-by-other'].forEach(function (id) {
        var now = document.getElementById(id), next = fresh.getElementById(id);
        if (now && next) replaceKeepingFocus(now, document.importNode(next, true));
        else if (now && !next) now.remove();
        else if (!now && next) document.getElementById('messages').prepend(document.importNode(next, true));
      });
      var actions = document.getElementById('actions'), nextActions = fresh.getElementById('actions');
      if (actions && nextActions
          && actions.getAttribute('data-actions') !== nextActions.getAttribute('data-actions')) {
        var close = document.getElementById('close-card'), nextClose = fresh.getElementById('close-card');
        var forms = Array.prototype.slice.call(actions.querySelectorAll('form'))
          .concat(close ? Array.prototype.slice.call(close.querySelectorAll('form')) : []);
        if (!forms.some(dirty)) {
          replaceKeepingFocus(actions, document.importNode(nextActions, true));
          var placed = document.getElementById('actions');
          if (close && nextClose) replaceKeepingFocus(close, document.importNode(nextClose, true));
          else if (close) close.remove();
          else if (nextClose) {
            var card = document.importNode(nextClose, true);
            placed.after(card);
            if (window.htmx) htmx.process(card);
          }
        }
      }
      var timeline = document.getElementById('timeline'), nextTimeline = fresh.getElementById('timeline');
      if (timeline && nextTimeline) {
        var imported = document.importNode(nextTimeline, true);
        replaceKeepingFocus(timeline, imported);
        noticeEntries(imported);
      }
      document.dispatchEvent(new CustomEvent('varde:alarm-refreshed'));
    }).catch(function () {
      // offline for a moment: say that something changed; the reload link gets the rest
      var banner = document.getElementById('alarm-changed');
      if (banner) banner.hidden = false;
    }).then(function () {
      inFlight = false;
      if (again) refreshLive();
    });
  }

  // ---- calls: a call button also fills in the call log ----------------------------------------------------------------
  function setupCalls() {
    document.addEventListener('click', function (event) {
      var button = event.target.closest && event.target.closest('a.call-button');
      if (!button) return;
      var callee = document.getElementById('callee'), number = document.getElementById('number');
      if (!callee || !number) return; // not holding the alarm: the tel: link alone
      callee.value = button.getAttribute('data-callee');
      number.value = button.getAttribute('data-number');
      var form = document.getElementById('call-form');
      var hint = document.getElementById('call-prefilled');
      if (!hint) {
        hint = document.createElement('p');
        hint.id = 'call-prefilled';
        hint.className = 'call-prefilled';
        hint.setAttribute('role', 'status');
        form.insertBefore(hint, document.getElementById('result').previousElementSibling);
      }
      hint.textContent = (main.getAttribute('data-text-prefilled') || '{0} {1}')
        .replace('{0}', callee.value).replace('{1}', number.value);
      // the tel: link goes to the phone; the operator then says how the call went
      setTimeout(function () {
        var result = document.getElementById('result');
        result.scrollIntoView({ block: 'nearest' });
        result.focus({ preventScroll: true });
      }, 0);
    });
  }

  // ---- the map (Leaflet, vendored as a webjar), only with a configured tile server ------------------------------------
  var leafletLoading = null;
  function loadLeaflet(el) {
    if (window.L) return Promise.resolve();
    if (leafletLoading) return leafletLoading;
    leafletLoading = new Promise(function (resolve, reject) {
      var css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = el.getAttribute('data-leaflet-css');
      document.head.appendChild(css);
      var script = document.createElement('script');
      script.src = el.getAttribute('data-leaflet-js');
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return leafletLoading;
  }

  function setupMap() {
    var el = document.getElementById('position-map');
    if (!el || el.getAttribute('data-ready') || !el.getAttribute('data-tile-url')) return;
    el.setAttribute('data-ready', 'loading');
    loadLeaflet(el).then(function () {
      var at = [Number(el.getAttribute('data-lat')), Number(el.getAttribute('data-lon'))];
      var map = L.map(el, { scrollWheelZoom: false }).setView(at, Number(el.getAttribute('data-zoom')) || 16);
      L.tileLayer(el.getAttribute('data-tile-url'), {
        maxZoom: 19, attribution: el.getAttribute('data-attribution') || ''
      }).addTo(map);
      L.marker(at, { keyboard: false }).addTo(map);
      el.setAttribute('data-ready', 'true');
    }).catch(function () { el.setAttribute('data-ready', 'failed'); el.hidden = true; });
  }

  // ---- wiring ----------------------------------------------------------------------------------------------------------
  document.addEventListener('DOMContentLoaded', function () {
    main = document.querySelector('main.alarm-page[data-alarm-id]');
    if (!main) return;
    var alarmId = main.getAttribute('data-alarm-id');
    var timeline = document.getElementById('timeline');
    lastSeen = timeline ? Number(timeline.getAttribute('data-last-entry')) || 0 : 0;

    var scrolls = null;
    function toDesk(event) {
      var target = event.detail && event.detail.target;
      return target && target.id === 'alarm-desk';
    }
    document.body.addEventListener('htmx:beforeRequest', function (event) {
      if (toDesk(event)) deskRequests++;
    });
    document.body.addEventListener('htmx:afterRequest', function (event) {
      if (!toDesk(event)) return;
      deskRequests = Math.max(0, deskRequests - 1);
      // after a failed request there is no swap: catch up now
      if (deskRequests === 0 && again && !(event.detail && event.detail.successful)) refreshLive();
    });
    document.body.addEventListener('htmx:beforeSwap', function (event) {
      if (event.detail.target && event.detail.target.id === 'alarm-desk') scrolls = columnScrolls();
    });
    document.body.addEventListener('htmx:afterSettle', function (event) {
      var id = (event.detail.target && event.detail.target.id) || (event.target && event.target.id);
      if (id === 'alarm-desk') {
        if (scrolls) restoreScrolls(scrolls);
        scrolls = null;
        measure();
        setupMap();
        noticeEntries(document.getElementById('timeline'));
        focusAfterAction();
        main.setAttribute('data-swaps', String(Number(main.getAttribute('data-swaps') || 0) + 1));
        if (again && deskRequests === 0) refreshLive(); // a change that came while the answer was on its way
      } else if (id === 'timeline') {
        noticeEntries(document.getElementById('timeline'));
      }
    });
    document.getElementById('alarm-changed-dismiss').addEventListener('click', function () {
      document.getElementById('alarm-changed').hidden = true;
      document.getElementById('alarm-changes').textContent = '';
      measure();
    });
    // the page's one stream is desk.js's; it passes each change on as a DOM event
    document.addEventListener('varde:alarm', function (event) {
      if (event.detail && event.detail.id === alarmId) refreshLive();
    });
    // reconnected after a gap: whatever changed meanwhile
    var connected = false;
    document.addEventListener('varde:ready', function () {
      if (connected) refreshLive();
      connected = true;
    });
    setupCalls();
    setupMap();
    measure();
    window.addEventListener('resize', measure);
  });
})();
