// Operator page: live throughput, latency (p50/p99) and provider health per service, every few seconds.
'use strict';

(() => {
  const {$, api, cell, when} = Saphan;
  const REFRESH_MS = 3000;
  let previous = null; // the last reading, to turn call counts into a rate
  let timer = null;

  function rate(now, service) {
    if (!previous) {
      return null;
    }
    const seconds = (Date.parse(now.at) - Date.parse(previous.at)) / 1000;
    const before = previous.services[service] ? previous.services[service].calls : 0;
    const calls = now.services[service] ? now.services[service].calls : 0;
    return seconds > 0 ? ((calls - before) / seconds).toFixed(1) : null;
  }

  function healthWord(h) {
    if (!h || h.recentCalls === 0) {
      return ['ยังไม่มีข้อมูล / no calls yet', 'unknown'];
    }
    if (h.recentErrorRate >= 0.5) {
      return ['ขัดข้อง / failing', 'bad'];
    }
    if (h.recentErrorRate > 0) {
      return ['มีข้อผิดพลาด / degraded', 'warn'];
    }
    return ['ปกติ / healthy', 'good'];
  }

  async function refresh() {
    let traffic;
    let health;
    try {
      traffic = await (await api('/api/v1/traffic')).json();
      health = await (await api('/api/v1/providers/health')).json();
    } catch (e) {
      return;
    }
    const services = [...new Set([...Object.keys(traffic.services), ...Object.keys(health)])].sort();
    const body = $('services').querySelector('tbody');
    body.replaceChildren();
    for (const service of services) {
      const t = traffic.services[service] || {};
      const h = health[service];
      const row = document.createElement('tr');
      row.dataset.service = service;
      cell(row, service);
      cell(row, rate(traffic, service), 'num throughput');
      cell(row, t.p50Ms === undefined || t.p50Ms === null ? null : t.p50Ms.toFixed(1), 'num');
      cell(row, t.p99Ms === undefined || t.p99Ms === null ? null : t.p99Ms.toFixed(1), 'num');
      cell(row, t.calls, 'num calls');
      cell(row, t.errors, 'num');
      const [word, level] = healthWord(h);
      cell(row, (h ? h.provider + ': ' : '') + word, 'health ' + level);
      cell(row, h ? (100 * h.recentErrorRate).toFixed(0) + '% ของ/of ' + h.recentCalls : null, 'num');
      cell(row, when(h && h.lastSuccess));
      cell(row, when(h && h.lastFailure));
      body.appendChild(row);
    }
    const total = previous ? (traffic.calls - previous.calls) / ((Date.parse(traffic.at) - Date.parse(previous.at)) / 1000) : null;
    $('throughput-total').textContent = total === null || !isFinite(total) ? '–' : total.toFixed(1);
    $('calls-total').textContent = String(traffic.calls);
    $('updated-at').textContent = when(traffic.at);
    previous = traffic;
  }

  Saphan.start(() => {
    refresh();
    if (!timer) {
      timer = setInterval(refresh, REFRESH_MS);
    }
  });
})();
