// The operators' status page: polls /api/status (moderators only) and draws the last minutes with Chart.js.
(function () {
  'use strict';

  const REFRESH_MS = 3000;
  const HISTORY = 200; // points kept: 10 minutes at one every 3 s
  const TOKEN = 'muejam.status.token';
  const COLOURS = ['#0969da', '#bf3989', '#1a7f37', '#9a6700', '#8250df', '#cf222e', '#57606a'];

  const $ = (id) => document.getElementById(id);
  const history = []; // {time, snapshot}
  const charts = {};
  let timer = null;

  function token() { return sessionStorage.getItem(TOKEN); }

  function showSignIn(message) {
    clearTimeout(timer);
    $('status').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in-panel').hidden = false;
    $('sign-in-error').textContent = message || '';
    $('updated').textContent = 'not signed in';
  }

  async function signIn(event) {
    event.preventDefault();
    const response = await fetch('../api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value })
    });
    if (!response.ok) {
      showSignIn(await problem(response, 'sign-in failed'));
      return;
    }
    sessionStorage.setItem(TOKEN, (await response.json()).token);
    $('password').value = '';
    start();
  }

  async function problem(response, fallback) {
    try {
      const body = await response.json();
      return body.detail || body.title || fallback;
    } catch (e) {
      return fallback + ' (' + response.status + ')';
    }
  }

  function start() {
    $('sign-in-panel').hidden = true;
    $('status').hidden = false;
    $('sign-out').hidden = false;
    poll();
  }

  async function poll() {
    clearTimeout(timer);
    let response;
    try {
      response = await fetch('../api/status', { headers: { Authorization: 'Bearer ' + token() }, cache: 'no-store' });
    } catch (e) {
      $('updated').textContent = 'unreachable: ' + e.message;
      timer = setTimeout(poll, REFRESH_MS);
      return;
    }
    if (response.status === 401 || response.status === 403) {
      sessionStorage.removeItem(TOKEN);
      showSignIn(await problem(response, 'not allowed'));
      return;
    }
    if (response.ok) {
      const snapshot = await response.json();
      history.push({ time: snapshot.time, snapshot: snapshot });
      if (history.length > HISTORY) {
        history.shift();
      }
      render(snapshot);
      $('updated').textContent = 'updated ' + new Date(snapshot.time).toLocaleTimeString();
      document.body.dataset.points = String(history.length);
    } else {
      $('updated').textContent = 'status answered ' + response.status;
    }
    timer = setTimeout(poll, REFRESH_MS);
  }

  function fixed(value, digits) { return value === null || value === undefined ? '–' : Number(value).toFixed(digits); }
  function percent(value) { return value === null || value === undefined ? '–' : (value * 100).toFixed(0) + ' %'; }
  function ratio(hits, misses) { return hits + misses === 0 ? null : hits / (hits + misses); }
  function ms(seconds) { return seconds === null || seconds === undefined ? '–' : (seconds * 1000).toFixed(1); }

  function fillTable(id, rows) {
    const body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren(...rows.map((r) => {
      const tr = document.createElement('tr');
      tr.dataset.key = r.key;
      if (r.breached) {
        tr.classList.add('breached');
      }
      r.cells.forEach((c) => {
        const td = document.createElement('td');
        td.textContent = c;
        tr.appendChild(td);
      });
      return tr;
    }));
  }

  function render(s) {
    const flagged = new Set(s.flags.map((f) => f.key));
    $('flags').replaceChildren(...s.flags.map((f) => {
      const li = document.createElement('li');
      li.dataset.key = f.key;
      li.textContent = f.message;
      return li;
    }));
    $('all-clear').hidden = s.flags.length > 0;

    fillTable('pools', s.pools.map((p) => ({
      key: 'pool:' + p.pool, breached: flagged.has('pool:' + p.pool),
      cells: [p.pool, p.active, p.idle, p.waiting, p.max, percent(p.utilisation), p.acquisitionTimeouts]
    })));
    fillTable('replicas', s.replicas.map((r) => ({
      key: 'replica:' + r.replica,
      breached: flagged.has('replica:' + r.replica) || flagged.has('rotation:' + r.replica),
      cells: [r.replica, r.reachable ? 'yes' : 'no', r.inRotation ? 'yes' : 'no', fixed(r.lagSeconds, 3),
        r.lagBytes === null || r.lagBytes === undefined ? '–' : r.lagBytes]
    })));
    $('breaker').textContent = s.cache.breaker;
    $('invalidations').textContent = s.cache.invalidationsAfterCommit;
    fillTable('cache', s.cache.regions.map((c) => ({
      key: 'cache:' + c.region, breached: flagged.has('cache:' + c.region),
      cells: [c.region, c.l1Hits, c.l1Misses, percent(ratio(c.l1Hits, c.l1Misses)), c.l2Hits, c.l2Misses,
        percent(ratio(c.l2Hits, c.l2Misses)), percent(c.hitRatio), c.invalidationsReceived]
    })));
    $('requests').textContent = s.requests.count;
    const last = history.length - 1;
    ['p50', 'p95', 'p99'].forEach((q) => {
      $('latency-' + q).textContent = ms(latency(last, Number(q.substring(1)) / 100));
    });
    const p95 = latency(last, 0.95);
    $('latency-p95').classList.toggle('error', p95 !== null && p95 > 0.1);
    $('errors').textContent = s.requests.errors5xx;
    $('slow-total').textContent = s.slowQueries.total;
    $('slow-rate').textContent = fixed(slowPerMinute(history.length - 1), 1);
    fillTable('routes', s.routes.map((r) => ({
      key: 'route:' + r.method + ' ' + r.route, breached: flagged.has('route:' + r.method + ' ' + r.route),
      cells: [r.method + ' ' + r.route, r.status, r.count, ms(r.p50Seconds), ms(r.p95Seconds), ms(r.p99Seconds)]
    })));
    drawCharts();
  }

  // the oldest point within the minute before history[i]
  function minuteBefore(i) {
    let j = i;
    while (j > 0 && history[i].time - history[j - 1].time <= 60000) {
      j--;
    }
    return j;
  }

  // slow queries per minute at history[i]: the rise over the minute before it (or the time there is)
  function slowPerMinute(i) {
    const now = history[i];
    const then = history[minuteBefore(i)];
    const span = (now.time - then.time) / 60000;
    return span <= 0 ? null : (now.snapshot.slowQueries.total - then.snapshot.slowQueries.total) / span;
  }

  // quantile q (seconds) of the requests served in the minute before history[i], over all routes, from the
  // cumulative histogram buckets, interpolated within a bucket as Prometheus' histogram_quantile does
  function latency(i, q) {
    const now = history[i].snapshot.requests;
    const j = minuteBefore(i);
    const then = j < i ? history[j].snapshot.requests : { count: 0, buckets: [] };
    const total = now.count - then.count;
    if (total <= 0 || now.buckets.length === 0) {
      return null;
    }
    const before = new Map(then.buckets.map((b) => [b.le, b.count]));
    const rank = q * total;
    let lower = 0;
    let below = 0;
    for (const b of now.buckets) {
      const count = b.count - (before.get(b.le) || 0);
      if (count >= rank) {
        return count === below ? b.le : lower + (b.le - lower) * (rank - below) / (count - below);
      }
      lower = b.le;
      below = count;
    }
    return lower; // beyond the last bound
  }

  function series(names, pick) {
    return names.map((name, k) => ({
      label: name, borderColor: COLOURS[k % COLOURS.length], backgroundColor: COLOURS[k % COLOURS.length],
      data: history.map((h) => pick(h.snapshot, name)), pointRadius: 0, borderWidth: 2, spanGaps: true
    }));
  }

  function line(label, value) {
    return { label: label, data: history.map(() => value), borderColor: '#cf222e', borderDash: [6, 4],
      pointRadius: 0, borderWidth: 1, fill: false };
  }

  function chart(id, datasets, max) {
    const labels = history.map((h) => new Date(h.time).toLocaleTimeString());
    if (!charts[id]) {
      charts[id] = new Chart($(id), {
        type: 'line',
        data: { labels: labels, datasets: datasets },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, suggestedMax: max } },
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }
        }
      });
    } else {
      charts[id].data.labels = labels;
      charts[id].data.datasets = datasets;
      charts[id].update('none');
    }
  }

  function find(list, field, name) { return list.find((x) => x[field] === name); }

  function drawCharts() {
    const last = history[history.length - 1].snapshot;
    const pools = last.pools.map((p) => p.pool);
    chart('chart-pools', series(pools, (s, n) => {
      const p = find(s.pools, 'pool', n);
      return p && p.utilisation !== null ? p.utilisation * 100 : null;
    }).concat([line('80 %', 80)]), 100);
    const replicas = last.replicas.map((r) => r.replica);
    chart('chart-lag', series(replicas, (s, n) => {
      const r = find(s.replicas, 'replica', n);
      return r ? r.lagSeconds : null;
    }).concat([line('1 s', 1)]), 2);
    const regions = last.cache.regions.map((c) => c.region);
    chart('chart-cache', series(regions, (s, n) => {
      const c = find(s.cache.regions, 'region', n);
      return c && c.hitRatio !== null ? c.hitRatio * 100 : null;
    }).concat([line('80 %', 80)]), 100);
    chart('chart-latency', ['p50', 'p95', 'p99'].map((q, k) => ({
      label: q, borderColor: COLOURS[k], backgroundColor: COLOURS[k], pointRadius: 0, borderWidth: 2, spanGaps: true,
      data: history.map((h, i) => {
        const v = latency(i, Number(q.substring(1)) / 100);
        return v === null ? null : v * 1000;
      })
    })).concat([line('100 ms', 100)]), 150);
    chart('chart-slow', [{
      label: 'per minute', borderColor: COLOURS[0], backgroundColor: COLOURS[0], pointRadius: 0, borderWidth: 2,
      data: history.map((h, i) => slowPerMinute(i))
    }], 5);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('sign-in').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN);
      showSignIn('signed out');
    });
    if (token()) {
      start();
    } else {
      showSignIn('');
    }
  });
})();
