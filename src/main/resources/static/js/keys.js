// Varde: keyboard shortcuts of the console and the alarm page (issue 11, item 7), listed in the "?" overlay.
// Queue: J/↓ next alarm, K/↑ previous, O/Enter open. Alarm page: C claim, L log a call, D dispatch, N note, X close,
// B back to the queue. Keys act only when the cursor is not in a field (Esc leaves a field); single-key shortcuts can
// be turned off in the overlay (WCAG 2.1.4), remembered in the browser. The queue's selected row keeps the focus when
// live updates replace it.
(function () {
  'use strict';

  var STORAGE = 'varde-keys-enabled';

  function enabled() {
    return localStorage.getItem(STORAGE) !== 'false';
  }

  function typing(el) {
    if (!el || el === document.body) return false;
    if (el.isContentEditable) return true;
    var tag = el.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
    if (tag !== 'INPUT') return false;
    return ['checkbox', 'radio', 'button', 'submit', 'reset'].indexOf(el.type) < 0;
  }

  function focus(el) {
    if (!el) return false;
    el.scrollIntoView({ block: 'nearest' });
    el.focus({ preventScroll: true });
    return true;
  }

  // ---- the queue: the selected row is the one whose "open" link has the focus -----------------------------------------
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#queue tr.alarm-row:not([hidden])'))
      .filter(function (row) { return !row.closest('tbody[hidden]'); });
  }

  function currentRow() {
    var active = document.activeElement;
    return active && active.closest ? active.closest('#queue tr.alarm-row') : null;
  }

  // the alarm the keys selected, by its row's id: a live update may replace the row element itself
  var selectedId = null;

  function selected() {
    return currentRow() || (selectedId && document.getElementById(selectedId)) || null;
  }

  function select(row) {
    document.querySelectorAll('#queue tr.kbd-current').forEach(function (r) { r.classList.remove('kbd-current'); });
    if (!row) return false;
    selectedId = row.id;
    row.classList.add('kbd-current');
    return focus(row.querySelector('a.open'));
  }

  function move(step) {
    var all = rows();
    if (!all.length) return false;
    var at = all.indexOf(selected());
    var next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    return select(all[next]);
  }

  // A live update replaces rows (and sometimes the whole queue): the focus goes back to the same alarm's row.
  var focusedAlarm = null;
  document.addEventListener('focusin', function () {
    var row = currentRow();
    focusedAlarm = row ? row.id : (document.activeElement && document.activeElement !== document.body ? null : focusedAlarm);
  });
  function restoreQueueFocus() {
    var id = focusedAlarm || selectedId;
    if (!id) return;
    var row = document.getElementById(id);
    if (!row) return;
    var active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) {
      // the console put the focus back itself: the fresh row still needs its "selected" mark
      if (row.contains(active)) row.classList.add('kbd-current');
      return;
    }
    select(row);
  }

  // ---- the overlay ----------------------------------------------------------------------------------------------------
  function help() {
    var dialog = document.getElementById('keys-help');
    if (!dialog || dialog.open) return false;
    var box = document.getElementById('keys-enabled');
    if (box) box.checked = enabled();
    dialog.showModal();
    return true;
  }

  function click(id) {
    var el = document.getElementById(id);
    if (!el || el.disabled) return false;
    el.click();
    return true;
  }

  function alarmKey(key) {
    switch (key) {
      case 'c': return click('claim');
      case 'l': return focus(document.getElementById('callee'));
      case 'd': return focus(document.getElementById('dispatch-message'));
      case 'n': return focus(document.getElementById('note-text'));
      case 'x': return focus(document.getElementById('outcome'));
      case 'b': return click('back-to-queue');
      default: return false;
    }
  }

  function queueKey(key) {
    switch (key) {
      case 'j': case 'ArrowDown': return move(1);
      case 'k': case 'ArrowUp': return move(-1);
      case 'o': {
        var row = selected() || rows()[0];
        var link = row && row.querySelector('a.open');
        if (link) link.click();
        return !!link;
      }
      default: return false;
    }
  }

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (event.key === 'Escape' && typing(target) && !(document.getElementById('keys-help') || {}).open) {
      target.blur();
      var heading = document.getElementById('h-alarm');
      if (heading) heading.focus({ preventScroll: true });
      return;
    }
    if (typing(target) || !enabled() && event.key !== '?') return;
    var dialog = document.getElementById('keys-help');
    if (dialog && dialog.open) return;
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    var handled = false;
    if (event.key === '?') {
      handled = help();
    } else if (document.querySelector('main[data-console-queue]')) {
      handled = queueKey(key);
    } else if (document.querySelector('main.alarm-page')) {
      handled = alarmKey(key);
    }
    if (handled) event.preventDefault();
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.addEventListener('click', function (event) {
      if (event.target.closest && event.target.closest('[data-keys-open]')) help();
    });
    var box = document.getElementById('keys-enabled');
    if (box) {
      box.addEventListener('change', function () { localStorage.setItem(STORAGE, String(box.checked)); });
    }
    document.body.addEventListener('htmx:afterSettle', restoreQueueFocus);
    document.addEventListener('varde:queue-row', restoreQueueFocus);
  });
})();
