// Varde operator desk: the queue strip on every operator page (issue 11, "no alarm missed, from any page").
// It holds the page's one live stream (/console/stream), shows how many alarms wait (by priority, the oldest's
// age, how many are overdue), puts the count in the tab title, plays the new-alarm cue and repeats it while alarms
// wait, shows desktop notifications when permitted, and says when the browser keeps the sound blocked.
// Other scripts (console.js) get the stream's events as DOM events: varde:ready, varde:alarm, varde:stream.
// The stream and the strip carry no personal data: ids, priorities, states and counts only.
// No inline scripts (CSP script-src 'self'); everything is wired from data-* attributes.
(function () {
  'use strict';

  var strip = null;
  var state = { waiting: 0, byPriority: {}, overdue: 0, oldest: null, offset: 0, repeatMs: 20000, sounds: {} };
  var baseTitle = document.title;

  // ---- sound: generated with the Web Audio API, no sound files ---------------------------------------------
  var audio = null;
  var muted = false;
  var lastCueAt = 0;

  function audioContext() {
    if (!audio && (window.AudioContext || window.webkitAudioContext)) {
      audio = new (window.AudioContext || window.webkitAudioContext)();
      audio.addEventListener('statechange', renderAudio);
    }
    return audio;
  }

  function renderAudio() {
    if (!strip) return;
    var ctx = audio;
    strip.setAttribute('data-audio', ctx ? ctx.state : 'none');
    var blocked = document.getElementById('sound-blocked');
    if (blocked) blocked.hidden = muted || !ctx || ctx.state === 'running';
  }

  // Plays a cue if the browser lets us; counts what was played (the browser test reads data-cues-played).
  function play(name) {
    var tones = state.sounds[name];
    if (!tones || muted) return false;
    var ctx = audioContext();
    if (!ctx) return false;
    if (ctx.state !== 'running') {
      ctx.resume().catch(function () { /* still blocked: the banner says so */ });
      renderAudio();
      if (ctx.state !== 'running') return false;
    }
    var start = ctx.currentTime + 0.02;
    tones.forEach(function (frequency, i) {
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      var t = start + i * 0.22;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.35, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.18);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.2);
    });
    lastCueAt = Date.now();
    strip.setAttribute('data-cues-played', String(Number(strip.getAttribute('data-cues-played')) + 1));
    strip.setAttribute('data-last-cue', name);
    return true;
  }

  function setupSound() {
    muted = localStorage.getItem('varde-sound-muted') === 'true';
    var toggle = document.getElementById('sound-toggle');
    function render() {
      if (toggle) {
        toggle.setAttribute('aria-pressed', String(!muted));
        toggle.textContent = muted ? toggle.getAttribute('data-text-off') : toggle.getAttribute('data-text-on');
        toggle.classList.toggle('muted-sound', muted);
      }
      renderAudio();
    }
    if (toggle) {
      toggle.addEventListener('click', function () {
        muted = !muted;
        localStorage.setItem('varde-sound-muted', String(muted));
        render();
        if (!muted) {
          var ctx = audioContext();
          if (ctx) ctx.resume().then(function () { play('NEW_ALARM'); }, function () {});
        }
      });
    }
    // Browsers start audio only after a user gesture: the banner says so, and any click or key unlocks it.
    audioContext();
    render();
    function unlock() {
      var ctx = audioContext();
      if (ctx && ctx.state !== 'running') {
        ctx.resume().then(renderAudio, renderAudio);
      }
    }
    document.addEventListener('click', unlock, true);
    document.addEventListener('keydown', unlock, true);
  }

  // ---- desktop notifications (when the operator allowed them) -------------------------------------------
  function setupNotifications() {
    var button = document.getElementById('desk-notify');
    if (!button || !('Notification' in window)) return;
    button.hidden = Notification.permission !== 'default';
    button.addEventListener('click', function () {
      Notification.requestPermission().then(function () {
        button.hidden = Notification.permission !== 'default';
      });
    });
  }

  function notify(change) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    if (document.visibilityState === 'visible' && document.hasFocus()) return; // the strip and the cue suffice
    var title = (strip.getAttribute('data-text-notify-title') || '{0}').replace('{0}', change.priority);
    var body = (strip.getAttribute('data-text-notify-body') || '{0}').replace('{0}', Math.max(1, state.waiting));
    try {
      var n = new Notification(title, { body: body, tag: 'varde-alarm', renotify: true, requireInteraction: true });
      n.onclick = function () {
        window.focus();
        window.location.href = strip.getAttribute('data-console-url');
      };
    } catch (e) { /* some browsers allow notifications only from a service worker */ }
  }

  // ---- the strip ------------------------------------------------------------------------------------------
  function formatAge(ms) {
    var total = Math.max(0, Math.floor(ms / 1000));
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    return (h > 0 ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(s).padStart(2, '0');
  }

  function render() {
    strip.setAttribute('data-waiting', String(state.waiting));
    strip.classList.toggle('waiting', state.waiting > 0);
    strip.classList.toggle('overdue', state.overdue > 0);
    document.getElementById('desk-count').textContent = String(state.waiting);
    var prios = document.getElementById('desk-by-priority');
    prios.textContent = '';
    var label = strip.getAttribute('data-text-priority') || 'P';
    Object.keys(state.byPriority).sort().forEach(function (p) {
      var item = document.createElement('span');
      item.className = 'desk-prio';
      item.setAttribute('data-priority', p);
      var badge = document.createElement('span');
      badge.className = 'prio p' + p;
      badge.textContent = p;
      badge.title = label + ' ' + p;
      item.appendChild(badge);
      item.appendChild(document.createTextNode('× ' + state.byPriority[p]));
      prios.appendChild(item);
    });
    document.getElementById('desk-overdue').hidden = state.overdue === 0;
    document.getElementById('desk-overdue-count').textContent = String(state.overdue);
    document.title = state.waiting > 0 ? '(' + state.waiting + ') ' + baseTitle : baseTitle;
    tick();
  }

  function tick() {
    var oldest = document.getElementById('desk-oldest');
    if (!oldest) return;
    oldest.hidden = state.oldest === null;
    if (state.oldest !== null) {
      var age = Date.now() + state.offset - state.oldest;
      var el = document.getElementById('desk-oldest-age');
      el.textContent = formatAge(age);
      el.classList.toggle('late', state.overdue > 0 || age >= 60000);
      el.classList.toggle('half', state.overdue === 0 && age >= 30000 && age < 60000);
    }
  }

  var inFlight = false, again = false;
  function refresh() {
    if (inFlight) { again = true; return; }
    inFlight = true;
    again = false;
    fetch(strip.getAttribute('data-strip-url'), {
      credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      if (response.status === 401) { window.location.reload(); return null; }
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data) return;
      var before = state.waiting;
      state.waiting = data.waiting;
      state.byPriority = data.byPriority || {};
      state.overdue = data.overdue;
      state.oldest = data.oldestReceivedAt === null ? null : Number(data.oldestReceivedAt);
      state.offset = Number(data.serverNow) - Date.now();
      state.repeatMs = Number(data.cueRepeatMillis) || 20000;
      state.sounds = data.sounds || {};
      render();
      if (before === 0 && state.waiting > 0 && lastCueAt === 0) {
        play('NEW_ALARM'); // alarms already waiting when the page opened
      }
    }).catch(function () { /* offline for a moment: the next change or round tries again */ })
      .then(function () {
        inFlight = false;
        if (again) refresh();
      });
  }

  var refreshTimer = null;
  function refreshSoon() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(function () { refreshTimer = null; refresh(); }, 150);
  }

  // The cue sounds again while any alarm waits, until someone claims the last one.
  function repeatCue() {
    if (state.waiting > 0 && Date.now() - lastCueAt >= state.repeatMs) {
      if (!play('NEW_ALARM')) lastCueAt = Date.now(); // blocked or muted: try again after the interval
    }
  }

  // ---- the one live stream of the page --------------------------------------------------------------------
  function setStatus(value) {
    var el = document.getElementById('live-status');
    if (!el) return;
    el.setAttribute('data-state', value);
    el.textContent = el.getAttribute('data-text-' + (value === 'live' ? 'live' : value === 'off' ? 'off' : 'connecting'));
  }

  function emit(name, detail) {
    document.dispatchEvent(new CustomEvent(name, { detail: detail }));
  }

  function connect() {
    var source = new EventSource(strip.getAttribute('data-stream-url'));
    source.addEventListener('ready', function () {
      setStatus('live');
      refresh(); // catch up on anything missed while disconnected
      emit('varde:ready', {});
    });
    source.addEventListener('alarm', function (message) {
      var change = JSON.parse(message.data);
      if (change.sound) {
        state.sounds[change.sound] ? play(change.sound) : (pendingCue = change.sound);
        if (change.sound === 'NEW_ALARM') notify(change);
      }
      refreshSoon();
      emit('varde:alarm', change);
    });
    source.addEventListener('error', function () {
      var closed = source.readyState === EventSource.CLOSED;
      setStatus(closed ? 'off' : 'connecting');
      emit('varde:stream', { closed: closed });
      if (closed) {
        // closed for good (e.g. the session expired): re-reading the strip tells which; a 401 shows the login page
        refresh();
        setTimeout(connect, 3000);
      }
    });
  }
  var pendingCue = null;

  document.addEventListener('DOMContentLoaded', function () {
    strip = document.getElementById('desk-strip');
    if (!strip) return;
    baseTitle = document.title;
    setupSound();
    setupNotifications();
    connect();
    refresh();
    setInterval(function () {
      tick();
      repeatCue();
      if (pendingCue && state.sounds[pendingCue]) { play(pendingCue); pendingCue = null; }
    }, 1000);
    // safety net should the stream silently stall
    setInterval(refresh, 30000);
  });
})();
