/* The dispatcher's route board: plain JavaScript over the board API (/console/board/api, the signed-in session).
   One render builds each pane as one HTML/SVG string, so 100 lanes and 2,000 jobs render in one pass; drags use one
   set of pointer handlers on the document. */
(function () {
  'use strict';

  var API = '/console/board/api';
  var DAY_FROM = 7 * 60, DAY_TO = 21 * 60; // minutes of the day the timeline shows
  var PX_PER_MIN = 1.6;
  var LABEL = 190;
  var csrfHeader = meta('csrf-header'), csrfToken = meta('csrf-token'), tiles = meta('map-tiles');
  var state = { board: null, pending: null, deferred: null, events: null, reloadTimer: null, timings: {} };
  var drag = null; // the drag in progress: job id, where it began, whether it moved

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    var value = el ? el.getAttribute('content') : '';
    return value && value.indexOf('__') !== 0 ? value : '';
  }

  function $(id) { return document.getElementById(id); }

  function esc(text) {
    return String(text == null ? '' : text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function region() { return $('region').value.trim(); }

  // Each edit carries an Idempotency-Key: a double click or a retried request acts once.
  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return 'k' + Date.now().toString(36) + Math.random().toString(36).substring(2);
  }

  function call(method, path, body, key) {
    var headers = { 'Accept': 'application/json' };
    if (key) { headers['Idempotency-Key'] = key; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (method !== 'GET' && csrfHeader) { headers[csrfHeader] = csrfToken; }
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) }).then(function (response) {
      return response.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!response.ok) {
          var error = new Error((data && (data.detail || data.title)) || response.statusText);
          error.problem = data;
          throw error;
        }
        return data;
      });
    });
  }

  function minutes(dateTime) {
    if (!dateTime) { return null; }
    var t = dateTime.substring(11, 16).split(':');
    var day = dateTime.substring(0, 10);
    var m = parseInt(t[0], 10) * 60 + parseInt(t[1], 10);
    var date = $('date').value;
    if (day < date) { return DAY_FROM; }
    if (day > date) { return DAY_TO; }
    return m;
  }

  function x(min) { return Math.max(0, (min - DAY_FROM) * PX_PER_MIN); }

  function hhmm(dateTime) { return dateTime ? dateTime.substring(11, 16) : ''; }

  // ----- rendering -----

  function render(board, staleReoptimization) {
    if (drag) {
      // Never re-render under a drag in progress: the newest board is shown when the drop is done.
      state.deferred = board;
      state.deferredStale = staleReoptimization;
      return;
    }
    var started = performance.now();
    state.board = board;
    $('score').textContent = board.score + (board.feasible ? '' : ' (infeasible)');
    renderAxis();
    renderTimeline(board);
    renderMap(board);
    renderUnassigned(board);
    renderConstraints(board);
    if (!staleReoptimization) { renderReoptimization(board.reoptimization); }
    state.timings.lastRenderMs = performance.now() - started;
    if (state.timings.firstRender == null) { state.timings.firstRender = performance.now(); }
    document.body.setAttribute('data-version', board.version);
    document.body.setAttribute('data-rendered', String(Date.now()));
  }

  function renderAxis() {
    var html = '';
    for (var h = DAY_FROM / 60; h <= DAY_TO / 60; h++) {
      html += '<span style="left:' + x(h * 60) + 'px">' + (h < 10 ? '0' : '') + h + ':00</span>';
    }
    $('axis').innerHTML = html;
    $('axis').style.width = x(DAY_TO) + 'px';
  }

  // One lane's label and track as HTML strings (compared with the last render's to skip unchanged lanes).
  function laneParts(lane) {
    var label = esc(lane.installerName) + (lane.locked ? ' 🔒' : '') + ' <button data-act="lock" data-shift="' +
      esc(lane.shiftId) + '">lock</button><button data-act="sick" data-shift="' + esc(lane.shiftId) + '">sick…</button>';
    var html = [];
    var s = minutes(lane.start), e = minutes(lane.end);
    html.push('<div class="shift" style="left:' + x(s) + 'px;width:' + Math.max(0, x(e) - x(s)) + 'px"></div>');
    lane.visits.forEach(function (v) {
      var ws = minutes(v.windowStart), we = minutes(v.windowEnd);
      if (ws != null && we != null && we - ws < 12 * 60) {
        html.push('<div class="window" data-job="' + esc(v.jobId) + '" title="' + esc(v.jobId + ' window ' +
          hhmm(v.windowStart) + '–' + hhmm(v.windowEnd)) + '" style="left:' + x(ws) + 'px;width:' + (x(we) - x(ws)) +
          'px"></div>');
      }
      var arrive = minutes(v.arrival), start = minutes(v.start), end = minutes(v.end);
      var travel = Math.round(v.travelSeconds / 60);
      if (travel > 0) {
        html.push('<div class="travel" title="' + travel + ' min travel" style="left:' + x(arrive - travel) +
          'px;width:' + (travel * PX_PER_MIN) + 'px"></div>');
      }
      var bad = v.reasons && v.reasons.some(function (r) { return /hard/.test(r.impact); });
      var flags = v.evidenceFlags || [];
      var cls = 'job' + (v.pinned ? ' pinned' : '') + (v.status === 'DONE' ? ' done' : '') +
        (v.status === 'ARRIVED' || v.status === 'STARTED' ? ' on-site' : '') +
        (v.status === 'EN_ROUTE' ? ' en-route' : '') + (bad ? ' bad' : '') +
        (flags.length ? ' flagged' : '');
      html.push('<div class="' + cls + '" data-job="' + esc(v.jobId) + '" data-status="' + esc(v.status) +
        '" data-pinned="' + v.pinned +
        '" data-flags="' + esc(flags.join(' ')) + '" title="' +
        esc(v.jobId + ' ' + hhmm(v.start) + '–' + hhmm(v.end) + ' ' + v.status + (flags.length ? '\nflagged: ' + flags.join(', ') : '') +
          (v.reasons || []).map(function (r) { return '\n' + r.constraint + ' ' + r.impact + ': ' + r.text; }).join('')) +
        '" style="left:' + x(start) + 'px;width:' + Math.max(6, x(end) - x(start)) + 'px">' +
        '<span class="pin" data-act="pin" data-job="' + esc(v.jobId) + '">' + (v.pinned ? '📌' : '○') + '</span>' +
        (flags.length ? '<span class="flag">⚑</span>' : '') + esc(v.jobId) + '</div>');
    });
    return { cls: 'lane' + (lane.onLeave ? ' leave' : ''), label: label, track: html.join('') };
  }

  function laneHtml(lane, parts, width) {
    return '<div class="' + parts.cls + '" data-shift="' + esc(lane.shiftId) + '"><div class="label" title="' +
      esc(lane.shiftId) + '">' + parts.label + '</div><div class="track" data-shift="' + esc(lane.shiftId) +
      '" style="width:' + width + 'px">' + parts.track + '</div></div>';
  }

  /*
   * Lanes and job blocks keep their DOM identity across renders (keyed by shift and job id): a live update that
   * arrives while the dispatcher aims at a block or a lane changes them in place instead of replacing them, and a
   * lane whose content did not change is not touched at all.
   */
  function renderTimeline(board) {
    var width = x(DAY_TO) + 10;
    var timeline = $('timeline');
    var existing = {}, any = false;
    Array.prototype.forEach.call(timeline.children, function (el) {
      if (el.classList.contains('lane')) { existing[el.getAttribute('data-shift')] = el; any = true; }
    });
    var parts = board.lanes.map(laneParts);
    if (!board.lanes.length) {
      timeline.innerHTML = '<p class="muted">No installer works in this region on this day.</p>';
      return;
    }
    if (!any) {
      timeline.innerHTML = board.lanes.map(function (lane, i) { return laneHtml(lane, parts[i], width); }).join('');
      Array.prototype.forEach.call(timeline.children, function (el, i) { remember(el, parts[i]); });
      return;
    }
    var blocks = {};
    timeline.querySelectorAll('.job').forEach(function (el) { blocks[el.getAttribute('data-job')] = el; });
    var nodes = board.lanes.map(function (lane, i) {
      var el = existing[lane.shiftId];
      if (!el) {
        var fresh = document.createElement('div');
        fresh.innerHTML = laneHtml(lane, parts[i], width);
        el = fresh.firstChild;
        remember(el, parts[i]);
        return el;
      }
      if (el.className !== parts[i].cls) { el.className = parts[i].cls; }
      if (el.shifuLabel !== parts[i].label) { el.querySelector('.label').innerHTML = parts[i].label; }
      if (el.shifuTrack !== parts[i].track) { morph(el.querySelector('.track'), parts[i].track, blocks); }
      remember(el, parts[i]);
      return el;
    });
    timeline.replaceChildren.apply(timeline, nodes);
  }

  function remember(el, parts) {
    el.shifuLabel = parts.label;
    el.shifuTrack = parts.track;
  }

  /** Puts the new track content in place, reusing the block element of every job that was already shown. */
  function morph(track, html, blocks) {
    var fresh = document.createElement('div');
    fresh.innerHTML = html;
    var nodes = Array.prototype.map.call(fresh.children, function (node) {
      var old = node.classList.contains('job') ? blocks[node.getAttribute('data-job')] : null;
      if (!old) { return node; }
      Array.prototype.forEach.call(node.attributes, function (a) {
        if (old.getAttribute(a.name) !== a.value) { old.setAttribute(a.name, a.value); }
      });
      if (old.innerHTML !== node.innerHTML) { old.innerHTML = node.innerHTML; }
      return old;
    });
    track.replaceChildren.apply(track, nodes);
  }

  // Web Mercator, fitted to the day's coordinates; tiles (when configured) at the zoom that fits.
  function renderMap(board) {
    var points = [];
    board.lanes.forEach(function (lane) {
      points.push([lane.baseLat, lane.baseLng]);
      lane.visits.forEach(function (v) { points.push([v.lat, v.lng]); });
    });
    board.unassigned.forEach(function (u) { if (u.lat != null) { points.push([u.lat, u.lng]); } });
    var svg = $('map');
    if (!points.length) { svg.innerHTML = ''; return; }
    function merc(p) {
      var lat = p[0] * Math.PI / 180;
      return [(p[1] + 180) / 360, (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2];
    }
    var min = [1, 1], max = [0, 0];
    points.forEach(function (p) {
      var m = merc(p);
      min = [Math.min(min[0], m[0]), Math.min(min[1], m[1])];
      max = [Math.max(max[0], m[0]), Math.max(max[1], m[1])];
    });
    var span = Math.max(max[0] - min[0], (max[1] - min[1]) * 4 / 3, 1e-5) * 1.1;
    var cx = (min[0] + max[0]) / 2, cy = (min[1] + max[1]) / 2;
    var scale = 400 / span;
    function px(p) { var m = merc(p); return [((m[0] - cx) * scale + 200).toFixed(1), ((m[1] - cy) * scale + 150).toFixed(1)]; }
    var html = [];
    if (tiles) {
      var zoom = Math.max(0, Math.min(18, Math.floor(Math.log(400 / 256 / span) / Math.LN2)));
      var n = Math.pow(2, zoom), tileSize = scale / n;
      var x0 = Math.floor((cx - 200 / scale) * n), x1 = Math.floor((cx + 200 / scale) * n);
      var y0 = Math.floor((cy - 150 / scale) * n), y1 = Math.floor((cy + 150 / scale) * n);
      for (var tx = x0; tx <= x1; tx++) {
        for (var ty = y0; ty <= y1; ty++) {
          var url = tiles.replace('{z}', zoom).replace('{x}', tx).replace('{y}', ty);
          html.push('<image href="' + esc(url) + '" x="' + ((tx / n - cx) * scale + 200) + '" y="' + ((ty / n - cy) * scale + 150) +
            '" width="' + tileSize + '" height="' + tileSize + '"/>');
        }
      }
    }
    board.lanes.forEach(function (lane, i) {
      if (!lane.visits.length) { return; }
      var color = 'hsl(' + ((i * 137) % 360) + ',65%,45%)';
      var route = [px([lane.baseLat, lane.baseLng])];
      lane.visits.forEach(function (v) { route.push(px([v.lat, v.lng])); });
      route.push(route[0]);
      html.push('<polyline fill="none" stroke="' + color + '" stroke-width="1.5" points="' +
        route.map(function (p) { return p.join(','); }).join(' ') + '"><title>' + esc(lane.installerName) + '</title></polyline>');
      html.push('<rect x="' + (route[0][0] - 3) + '" y="' + (route[0][1] - 3) + '" width="6" height="6" fill="' + color + '"/>');
      lane.visits.forEach(function (v) {
        var p = px([v.lat, v.lng]);
        html.push('<circle cx="' + p[0] + '" cy="' + p[1] + '" r="2.5" fill="' + color + '"><title>' + esc(v.jobId) + '</title></circle>');
      });
    });
    board.unassigned.forEach(function (u) {
      if (u.lat == null) { return; }
      var p = px([u.lat, u.lng]);
      html.push('<circle cx="' + p[0] + '" cy="' + p[1] + '" r="3.5" fill="none" stroke="#e65100" stroke-width="1.5"><title>' +
        esc(u.jobId) + ' unassigned</title></circle>');
    });
    svg.innerHTML = html.join('');
  }

  function renderUnassigned(board) {
    $('unassigned-count').textContent = '(' + board.unassigned.length + ')';
    $('unassigned').innerHTML = board.unassigned.map(function (u) {
      return '<li><span class="job-chip" data-job="' + esc(u.jobId) + '">' + esc(u.jobId) + '</span> ' +
        (u.held ? '<em>held</em> ' : '') + u.blockedBy.map(function (r) {
          return '<div class="muted">' + esc(r.constraint) + ': ' + esc(r.text) + '</div>'; }).join('') + '</li>';
    }).join('') || '<li class="muted">Every job is on a route.</li>';
  }

  function renderConstraints(board) {
    $('constraints').innerHTML = board.constraints.map(function (c) {
      return '<tr><td>' + esc(c.constraint) + '</td><td>' + esc(c.level) + '</td><td>' + c.impact + '</td><td>' +
        c.matches + '×</td></tr>';
    }).join('') || '<tr><td class="muted">Nothing costs anything.</td></tr>';
  }

  /** A state the server sent by itself (a start's, stop's or decision's answer): newer than any board in flight. */
  function showReoptimization(r) {
    state.reoptShown = (state.reoptShown || 0) + 1;
    renderReoptimization(r);
  }

  function renderReoptimization(r) {
    var waiting = r && r.state === 'AWAITING_DECISION';
    $('reopt-keep').disabled = !waiting;
    $('reopt-discard').disabled = !waiting;
    if (r) {
      $('reopt-state').textContent = r.state + (r.scoreFound ? ' · found ' + r.scoreFound : '') +
        (r.rebuildWaiting ? ' · a network change waits for this decision' : '');
    }
  }

  // ----- loading and live updates -----

  function load() {
    // A board read while a newer re-optimization state arrived (the stream's "awaiting decision", a stop's answer)
    // carries the older state: it must not switch Keep off again. Answers older than the last one shown are dropped.
    var asked = state.asked = (state.asked || 0) + 1;
    var shownWhenAsked = state.reoptShown || 0;
    return call('GET', API + '?region=' + encodeURIComponent(region()) + '&date=' + $('date').value)
      .then(function (board) {
        if (asked < (state.answered || 0)) { return; }
        state.answered = asked;
        render(board, (state.reoptShown || 0) !== shownWhenAsked);
      }).catch(function (error) { $('score').textContent = error.message; });
  }

  function reloadSoon() {
    // The stream sends at most one event per 500 ms and drops the rest: read once more after the last one.
    clearTimeout(state.trailingTimer);
    state.trailingTimer = setTimeout(function () {
      state.trailingTimer = null;
      if (!state.pending) { load(); loadReviews(); loadAlerts(); }
    }, 2500);
    if (state.reloadTimer) { return; }
    state.reloadTimer = setTimeout(function () {
      state.reloadTimer = null;
      if (!state.pending) { load(); loadReviews(); loadTasks(); loadApprovals(); loadCallbacks(); loadAlerts(); }
    }, 800);
  }

  function listen() {
    if (state.events) { state.events.close(); }
    if (!window.EventSource) { return; }
    var events = new EventSource(API + '/' + encodeURIComponent(region()) + '/stream');
    state.events = events;
    events.onopen = function () { $('live').textContent = '● live'; $('live').className = 'live on'; };
    events.onerror = function () { $('live').textContent = '○ reconnecting'; $('live').className = 'live'; };
    events.addEventListener('best-score', function (message) {
      var p = JSON.parse(message.data);
      var text = p.phase + ': ' + p.score + ', ' + p.unassigned + ' unassigned';
      if (p.timeLeftMillis != null) { text += ', ' + Math.round(p.timeLeftMillis / 1000) + ' s left'; }
      // The live solver's own progress goes next to the live sign; a re-optimization's shows as its state.
      if (/^live/.test(p.phase)) { $('live').title = text; } else { $('reopt-state').textContent = text; }
      if (/awaiting decision/.test(p.phase)) {
        state.reoptShown = (state.reoptShown || 0) + 1;
        $('reopt-keep').disabled = false;
        $('reopt-discard').disabled = false;
      }
      if (state.board && String(p.score) !== state.board.score) { reloadSoon(); }
    });
    // An installer reported on a job, or the review list changed: read the board and the review list again.
    events.addEventListener('job-event', function () { reloadSoon(); });
    events.addEventListener('review', function () { reloadSoon(); });
    // A late reschedule was asked for or decided: read the approvals again.
    events.addEventListener('approval', function () { loadApprovals(); loadCallbacks(); });
  }

  function problemText(error) {
    var p = error.problem;
    if (p && p.errors && p.errors.length) {
      return p.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
    }
    return (p && p.field ? p.field + ': ' : '') + error.message;
  }

  // A live reload that brings the same list keeps the one shown, with whatever the dispatcher is typing into it.
  var shownLists = {};
  function replaceIfChanged(id, html) {
    if (shownLists[id] === html) { return; }
    shownLists[id] = html;
    $(id).innerHTML = html;
  }

  // ----- the review list: flagged evidence and rejected offline events, marked reviewed here -----

  function loadReviews() {
    return call('GET', API + '/' + encodeURIComponent(region()) + '/reviews').then(function (reviews) {
      $('reviews-count').textContent = '(' + reviews.length + ')';
      replaceIfChanged('reviews', reviews.map(function (r) {
        return '<li data-review="' + r.id + '"><span class="job-chip" data-job="O' + r.orderId + '">O' + r.orderId +
          '</span> ' + esc(r.kind) + ': <strong>' + esc(r.flags.join(', ')) + '</strong> <span class="muted">' +
          esc(r.regionCode) + ' ' + esc((r.createdAt || '').substring(0, 16).replace('T', ' ')) + '</span>' +
          '<div><input class="note" placeholder="note" size="18" maxlength="500"> ' +
          '<button data-act="reviewed" data-review="' + r.id + '">Reviewed</button> <span class="problem"></span></div></li>';
      }).join('') || '<li class="muted">Nothing to review.</li>');
    }).catch(function (error) { replaceIfChanged('reviews', '<li class="problem">' + esc(problemText(error)) + '</li>'); });
  }

  function markReviewed(button) {
    var item = button.closest('li');
    var note = item.querySelector('.note').value;
    button.disabled = true;
    call('POST', API + '/' + encodeURIComponent(region()) + '/reviews/' + button.getAttribute('data-review') + '/reviewed',
      { note: note }).then(function () {
      return Promise.all([loadReviews(), load()]);
    }).catch(function (error) {
      button.disabled = false;
      item.querySelector('.problem').textContent = problemText(error);
    });
  }

  // ----- booked windows the live plan does not keep: the dispatcher's to act on, never a silent unassigned job -----

  var ALERT_TEXT = {
    UNASSIGNED: 'nobody can take it in its window',
    OUTSIDE_WINDOW: 'planned outside its window',
    NOT_IN_PLAN: 'missing from the plan'
  };

  function loadAlerts() {
    return call('GET', '/console/schedules/alerts?region=' + encodeURIComponent(region())).then(function (alerts) {
      $('alerts-count').textContent = '(' + alerts.length + ')';
      replaceIfChanged('alerts', alerts.map(function (a) {
        return '<li class="alert" data-alert="' + esc(a.jobId) + '" data-problem="' + esc(a.problem) + '">' +
          '<span class="job-chip" data-job="' + esc(a.jobId) + '">' + esc(a.jobId) + '</span> ' +
          esc(a.date) + ' ' + esc(hm(a.windowStart)) + '–' + esc(hm(a.windowEnd)) + ': <strong>' +
          esc(ALERT_TEXT[a.problem] || a.problem) + '</strong>' +
          (a.plannedStart ? ' <span class="muted">planned ' + esc(hhmm(a.plannedStart)) + '</span>' : '') + '</li>';
      }).join('') || '<li class="muted">Every booked window is kept.</li>');
      document.body.setAttribute('data-alerts', String(alerts.length));
    }).catch(function (error) { replaceIfChanged('alerts', '<li class="problem">' + esc(problemText(error)) + '</li>'); });
  }

  function hm(time) { return time ? String(time).substring(0, 5) : ''; }

  // ----- late reschedules (改约审批) of the region, decided here -----

  function loadApprovals() {
    return call('GET', '/console/reschedule-requests?region=' + encodeURIComponent(region())).then(function (requests) {
      $('approvals-count').textContent = '(' + requests.length + ')';
      replaceIfChanged('approvals', requests.map(function (r) {
        return '<li data-request="' + esc(r.id) + '"><span class="job-chip" data-job="O' + esc(r.orderId) + '">O' +
          esc(r.orderId) + '</span> ' + esc(r.fromDate) + ' ' + esc(r.fromWindow) + ' → <strong>' + esc(r.toDate) + ' ' +
          esc(r.toWindow) + '</strong> <span class="muted">' + esc(r.reason) + (r.note ? ': ' + esc(r.note) : '') +
          '</span><div><input class="note" placeholder="note" size="18" maxlength="300"> ' +
          '<button data-act="approve" data-request="' + esc(r.id) + '">Approve</button> ' +
          '<button data-act="decline" data-request="' + esc(r.id) + '">Decline</button> <span class="problem"></span></div></li>';
      }).join('') || '<li class="muted">No reschedule waits for a decision.</li>');
    }).catch(function (error) { replaceIfChanged('approvals', '<li class="problem">' + esc(problemText(error)) + '</li>'); });
  }

  // ----- consumers who asked to be phoned, closed here once called -----

  function loadCallbacks() {
    return call('GET', '/console/callback-requests?region=' + encodeURIComponent(region())).then(function (requests) {
      $('callbacks-count').textContent = '(' + requests.length + ')';
      replaceIfChanged('callbacks', requests.map(function (r) {
        return '<li data-callback="' + esc(r.id) + '"><span class="job-chip" data-job="O' + esc(r.orderId) + '">O' +
          esc(r.orderId) + '</span> ' + esc(r.orderNumber) + ' <span class="muted">since ' + esc(hhmm(r.requestedAt)) +
          '</span><div><input class="note" placeholder="note" size="18" maxlength="300"> ' +
          '<button data-act="called" data-callback="' + esc(r.id) + '">Called</button> <span class="problem"></span></div></li>';
      }).join('') || '<li class="muted">Nobody waits for a call.</li>');
    }).catch(function (error) { replaceIfChanged('callbacks', '<li class="problem">' + esc(problemText(error)) + '</li>'); });
  }

  function markCalled(button) {
    var item = button.closest('li');
    var note = item.querySelector('.note').value.trim();
    button.disabled = true;
    call('POST', '/console/callback-requests/' + encodeURIComponent(button.getAttribute('data-callback')) + '/done',
      note ? { note: note } : {}).then(function () {
      return loadCallbacks();
    }).catch(function (error) {
      button.disabled = false;
      item.querySelector('.problem').textContent = problemText(error);
    });
  }

  function decideReschedule(button, outcome) {
    var item = button.closest('li');
    var note = item.querySelector('.note').value.trim();
    button.disabled = true;
    call('POST', '/console/reschedule-requests/' + encodeURIComponent(button.getAttribute('data-request')) + '/' + outcome,
      note ? { note: note } : {}).then(function () {
      return Promise.all([loadApprovals(), load()]);
    }).catch(function (error) {
      button.disabled = false;
      item.querySelector('.problem').textContent = problemText(error);
    });
  }

  // ----- the region's staff tasks (the staff task API), completed here -----

  var TASK_FORMS = {
    PHONE_CONSUMER: '<select name="consumerReached"><option value="true">reached</option><option value="false">not reached</option></select>' +
      ' <input name="note" placeholder="note" size="14">',
    MANUAL_ASSIGNMENT: '<input name="providerId" placeholder="provider id" size="8">',
    ADDRESS_RESOLUTION: '<select name="resolution"><option>CONTINUE_VISIT</option><option>REBOOK</option></select>' +
      ' <input name="note" placeholder="note" size="14">',
    RETURN_VISIT: '<select name="outcome"><option>SATISFIED</option><option>ISSUE</option><option>UNREACHABLE</option></select>' +
      ' <input name="note" placeholder="note" size="14">'
  };

  function loadTasks() {
    return call('GET', '/console/tasks?region=' + encodeURIComponent(region())).then(function (tasks) {
      var list = Array.isArray(tasks) ? tasks : (tasks && tasks.content) || [];
      $('tasks-count').textContent = '(' + list.length + ')';
      replaceIfChanged('tasks', list.map(function (t) {
        var context = Object.keys(t.context || {}).map(function (k) { return k + ' ' + t.context[k]; }).join(', ');
        return '<li data-task="' + esc(t.id) + '" data-type="' + esc(t.type) + '" data-order="' + esc(t.orderId) + '">' +
          esc(t.name || t.type) + ' · order ' + esc(t.orderId) + (context ? ' <span class="muted">' + esc(context) + '</span>' : '') +
          ' <a href="/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(t.id) + '" target="_blank">Tasklist</a>' +
          '<div><form data-task="' + esc(t.id) + '">' + (TASK_FORMS[t.type] || '') +
          ' <button type="submit">Complete</button></form> <span class="problem"></span></div></li>';
      }).join('') || '<li class="muted">No open tasks.</li>');
    }).catch(function (error) { replaceIfChanged('tasks', '<li class="problem">' + esc(problemText(error)) + '</li>'); });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target.closest('form[data-task]');
    if (!form) { return; }
    event.preventDefault();
    var item = form.closest('li');
    var body = { type: item.getAttribute('data-type') };
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name) { return; }
      var value = field.value.trim();
      if (field.name === 'consumerReached') { body[field.name] = value === 'true'; }
      else if (field.name === 'providerId') { body[field.name] = /^\d+$/.test(value) ? Number(value) : (value || null); }
      else if (value) { body[field.name] = value; }
    });
    item.querySelector('.problem').textContent = '';
    call('POST', '/console/tasks/' + encodeURIComponent(form.getAttribute('data-task')) + '/complete', body)
      .then(function () { return loadTasks(); })
      .catch(function (error) { item.querySelector('.problem').textContent = problemText(error); });
  });

  // ----- edits: preview, then confirm or cancel -----

  // A created or removed match: constraint, impact, what it is about (a job, else a lane's installer) and why.
  function matchText(m) {
    var about = m.jobId ? 'job ' + m.jobId : laneName(m.shiftId);
    return esc(m.constraint) + ' ' + esc(m.impact) + (about ? ' (' + esc(about) + ')' : '') + ': ' + esc(m.text);
  }

  function laneName(shiftId) {
    if (!shiftId || !state.board) { return shiftId || ''; }
    var lane = state.board.lanes.filter(function (l) { return l.shiftId === shiftId; })[0];
    return lane ? lane.installerName : shiftId;
  }

  function preview(edits) {
    state.pending = edits;
    state.pendingKey = newKey();
    $('preview').hidden = false;
    $('preview-summary').textContent = 'Scoring…';
    $('preview-detail').innerHTML = '';
    return call('POST', API + '/' + region() + '/preview', { edits: edits }).then(function (p) {
      $('preview-summary').textContent = p.summary.join(' ') + ' (' + p.difference + ')';
      $('preview-detail').innerHTML = '<div>score ' + esc(p.scoreBefore) + ' → ' + esc(p.scoreAfter) + '</div>' +
        p.created.map(function (m) { return '<div>+ ' + matchText(m) + '</div>'; }).join('') +
        p.removed.map(function (m) { return '<div class="muted">− ' + matchText(m) + '</div>'; }).join('');
      document.body.setAttribute('data-preview', 'ready');
    }).catch(function (error) {
      $('preview-summary').textContent = 'Not possible: ' + error.message;
      document.body.setAttribute('data-preview', 'refused');
    });
  }

  // The same edit committed twice in a row (a double click, a retried request) carries the same key.
  // A commit whose key is still on its way is not sent again: the second click of a double click waits for the first.
  var inFlight = {};
  function commit(edits, key) {
    key = key || newKey();
    if (inFlight[key]) { return inFlight[key]; }
    var sent = call('POST', API + '/' + region() + '/edits', { edits: edits }, key).then(function () {
      return load();
    }).catch(function (error) { $('score').textContent = 'Not done: ' + error.message; }).then(function () {
      delete inFlight[key];
    });
    inFlight[key] = sent;
    return sent;
  }

  $('preview-confirm').onclick = function () {
    var edits = state.pending, key = state.pendingKey;
    closePreview();
    if (edits) { commit(edits, key); }
  };
  $('preview-cancel').onclick = closePreview;

  function closePreview() {
    state.pending = null;
    $('preview').hidden = true;
    document.body.removeAttribute('data-preview');
  }

  document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-act]');
    if (!target) { return; }
    var act = target.getAttribute('data-act');
    if (act === 'reviewed') {
      markReviewed(target);
    } else if (act === 'approve' || act === 'decline') {
      decideReschedule(target, act);
    } else if (act === 'called') {
      markCalled(target);
    } else if (act === 'pin') {
      var job = target.getAttribute('data-job');
      var pinned = target.closest('.job').getAttribute('data-pinned') === 'true';
      // Clicks on the same pin until the board shows the outcome are one edit: they share the key.
      var pinKey = job + ':' + pinned;
      if (!state.pinKeys) { state.pinKeys = {}; }
      if (!state.pinKeys[pinKey]) { state.pinKeys[pinKey] = newKey(); }
      var keyNow = state.pinKeys[pinKey];
      commit([{ kind: pinned ? 'UNPIN' : 'PIN', jobId: job }], keyNow).then(function () {
        if (state.pinKeys[pinKey] === keyNow) { delete state.pinKeys[pinKey]; }
      });
    } else if (act === 'lock') {
      preview([{ kind: 'LOCK_DAY', shiftId: target.getAttribute('data-shift') }]);
    } else if (act === 'sick') {
      var at = prompt('Unavailable from (HH:MM)', '11:00');
      if (at && /^\d{2}:\d{2}$/.test(at)) {
        preview([{ kind: 'UNAVAILABLE_FROM', shiftId: target.getAttribute('data-shift'), from: $('date').value + 'T' + at }]);
      }
    }
  });

  // Drag a job (from a route or the unassigned list) onto a lane: preview the move there, pinned.
  document.addEventListener('pointerdown', function (event) {
    if (event.target.closest('[data-act]')) { return; }
    var block = event.target.closest('.job, .job-chip');
    if (!block) { return; }
    drag = { jobId: block.getAttribute('data-job'), x: event.clientX, y: event.clientY, moved: false };
    event.preventDefault();
  });
  document.addEventListener('pointermove', function (event) {
    if (!drag) { return; }
    if (!drag.moved && Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) < 4) { return; }
    drag.moved = true;
    var ghost = $('ghost');
    ghost.hidden = false;
    ghost.textContent = drag.jobId;
    ghost.style.left = (event.clientX + 8) + 'px';
    ghost.style.top = (event.clientY + 8) + 'px';
    var track = trackAt(event);
    document.querySelectorAll('.track.drop').forEach(function (t) { if (t !== track) { t.classList.remove('drop'); } });
    if (track) { track.classList.add('drop'); }
  });
  document.addEventListener('pointerup', function (event) {
    if (!drag) { return; }
    var current = drag;
    drag = null;
    try {
      drop(current, event);
    } finally {
      if (state.deferred) { var latest = state.deferred; state.deferred = null; render(latest, state.deferredStale); }
    }
  });
  document.addEventListener('pointercancel', function () {
    drag = null;
    $('ghost').hidden = true;
    if (state.deferred) { var latest = state.deferred; state.deferred = null; render(latest, state.deferredStale); }
  });

  /**
   * The lane track under the pointer. The lane's label stays in view over the start of its track when the timeline
   * is scrolled: a drop on the label is a drop on that lane, at the time under the pointer (its start).
   */
  function trackAt(event) {
    var over = document.elementFromPoint(event.clientX, event.clientY);
    if (!over) { return null; }
    var track = over.closest('.track');
    if (track) { return track; }
    var lane = over.closest('.lane');
    return lane ? lane.querySelector('.track') : null;
  }

  function drop(current, event) {
    $('ghost').hidden = true;
    document.querySelectorAll('.track.drop').forEach(function (t) { t.classList.remove('drop'); });
    if (!current.moved) { return; }
    var track = trackAt(event);
    if (!track) { return; }
    var minute = (event.clientX - track.getBoundingClientRect().left) / PX_PER_MIN + DAY_FROM;
    var shiftId = track.getAttribute('data-shift');
    var lane = state.board.lanes.filter(function (l) { return l.shiftId === shiftId; })[0];
    // The position counts the lane's unpinned visits that start before the drop point.
    var position = lane.visits.filter(function (v) {
      return !v.pinned && v.jobId !== current.jobId && minutes(v.start) < minute;
    }).length;
    preview([{ kind: 'MOVE', jobId: current.jobId, shiftId: shiftId, position: position, pin: true }]);
  }

  // ----- re-optimization -----

  $('reopt-start').onclick = function () {
    call('POST', API + '/' + region() + '/reoptimize', { date: $('date').value, seconds: parseInt($('reopt-seconds').value, 10) })
      .then(showReoptimization).catch(function (error) { $('reopt-state').textContent = error.message; });
  };
  $('reopt-stop').onclick = function () {
    call('DELETE', API + '/' + region() + '/reoptimize').then(function (r) {
      showReoptimization(r);
      settle(0);
    }).catch(function (error) { $('reopt-state').textContent = error.message; });
  };
  /** A stopped run ends on the server a moment later: ask until it has, so Keep never hinges on one stream event. */
  function settle(tries) {
    if (tries >= 120) { return; }
    setTimeout(function () {
      call('GET', API + '/' + region() + '/reoptimize').then(function (r) {
        if (r && r.state === 'RUNNING') { settle(tries + 1); } else { showReoptimization(r); }
      }).catch(function () { settle(tries + 1); });
    }, 1000);
  }
  function decide(keep) {
    call('POST', API + '/' + region() + '/reoptimize/decision', { keep: keep }).then(function (r) {
      showReoptimization(r);
      load();
    }).catch(function (error) { $('reopt-state').textContent = error.message; });
  }
  $('reopt-keep').onclick = function () { decide(true); };
  $('reopt-discard').onclick = function () { decide(false); };

  $('load').onclick = function () { load(); listen(); loadReviews(); loadTasks(); loadApprovals(); loadCallbacks(); loadAlerts(); };

  // For tests and measurements: render any board, and time it to the first frame and to the next idle turn.
  window.ShifuBoard = {
    render: render,
    load: load,
    /** Stops live updates (a board rendered by hand would otherwise be replaced by the next reload). */
    stopLive: function () {
      if (state.events) { state.events.close(); state.events = null; }
      clearTimeout(state.reloadTimer);
      state.reloadTimer = null;
    },
    timings: state.timings,
    renderTimed: function (board, done) {
      var t0 = performance.now();
      render(board);
      var rendered = performance.now() - t0;
      requestAnimationFrame(function () {
        var painted = performance.now() - t0;
        setTimeout(function () { done({ renderMs: rendered, firstPaintMs: painted, interactiveMs: performance.now() - t0 }); }, 0);
      });
    }
  };

  load().then(function () {
    requestAnimationFrame(function () {
      state.timings.interactive = performance.now();
      document.body.setAttribute('data-interactive', 'true');
    });
  });
  listen();
  loadReviews();
  loadTasks();
  loadApprovals();
  loadCallbacks();
  loadAlerts();
})();
