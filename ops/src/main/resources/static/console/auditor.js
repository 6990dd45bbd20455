// Auditor page: search the access log, open one exchange, verify the chains and checkpoints, download an export.
'use strict';

(() => {
  const {$, api, cell, when} = Saphan;
  let query = null; // the parameters of the last search, for "more"
  let next = null;
  let shown = 0;

  const DETAILS = [
    ['exchangeId', 'รหัสการแลกเปลี่ยน / Exchange ID'], ['requestId', 'รหัสคำขอ / Request ID'],
    ['recordedAt', 'เวลาบันทึก / Recorded at'], ['hubNode', 'โหนด / Hub node'], ['nodeSeq', 'ลำดับ / Sequence'],
    ['consumer', 'ผู้ขอข้อมูล / Consumer'], ['officer', 'เจ้าหน้าที่ / Officer'], ['service', 'บริการ / Service'],
    ['subjectRef', 'อ้างอิงเจ้าของข้อมูล / Subject reference'], ['purpose', 'วัตถุประสงค์ / Purpose'],
    ['legalBasis', 'ฐานทางกฎหมาย / Legal basis'], ['legalReference', 'กฎหมายที่อ้าง / Legal reference'],
    ['consentId', 'รหัสความยินยอม / Consent ID'], ['decision', 'ผล / Decision'], ['reasonCode', 'เหตุผล / Reason'],
    ['httpStatus', 'สถานะ HTTP / HTTP status'], ['fieldsReleased', 'ข้อมูลที่เปิดเผย / Fields released'],
    ['providerLatencyMs', 'เวลาผู้ให้บริการ (ms) / Provider latency (ms)'], ['recordHash', 'แฮชของบันทึก / Record hash']];

  // datetime-local holds the auditor's local time; the API takes an instant
  function instant(id) {
    const value = $(id).value;
    return value ? new Date(value).toISOString() : null;
  }

  function parameters() {
    const p = new URLSearchParams();
    const add = (name, value) => {
      if (value) {
        p.set(name, value);
      }
    };
    add('subject', $('q-subject').value.trim());
    add('consumer', $('q-consumer').value.trim());
    add('service', $('q-service').value.trim());
    add('from', instant('q-from'));
    add('to', instant('q-to'));
    return p;
  }

  function open(record) {
    const list = $('details-list');
    list.replaceChildren();
    for (const [field, label] of DETAILS) {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      const value = record[field];
      dd.textContent = Array.isArray(value) ? (value.length ? value.join(', ') : '–') : (value ?? '–');
      dd.dataset.field = field;
      list.append(dt, dd);
    }
    $('details').classList.remove('hidden');
    $('details').scrollIntoView();
  }

  function show(records, append) {
    const body = $('results').querySelector('tbody');
    if (!append) {
      body.replaceChildren();
      shown = 0;
    }
    for (const r of records) {
      const row = document.createElement('tr');
      row.dataset.exchangeId = r.exchangeId;
      cell(row, when(r.recordedAt));
      cell(row, r.consumer);
      cell(row, r.service);
      cell(row, r.purpose);
      cell(row, r.decision === 'permit' ? 'อนุญาต / permit' : 'ปฏิเสธ / deny', 'decision ' + r.decision);
      cell(row, r.reasonCode);
      cell(row, r.exchangeId, 'mono');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'open';
      button.textContent = 'เปิด / Open';
      button.addEventListener('click', () => open(r));
      row.appendChild(document.createElement('td')).appendChild(button);
      body.appendChild(row);
    }
    shown += records.length;
    $('result-count').textContent = '(' + shown + ')';
  }

  async function search(event, append) {
    if (event) {
      event.preventDefault();
    }
    if (!append) {
      query = parameters();
      next = null;
      $('details').classList.add('hidden');
    }
    const p = new URLSearchParams(query);
    p.set('limit', '50');
    if (append && next) {
      p.set('cursor', next);
    }
    try {
      const page = await (await api('/api/v1/audit/records?' + p)).json();
      show(page.records, append);
      next = page.next;
      $('more').classList.toggle('hidden', !next);
    } catch (e) {
      // the error is shown by api()
    }
  }

  async function verify() {
    const verdict = $('verify-result');
    verdict.textContent = 'กำลังตรวจสอบ… / Verifying…';
    verdict.className = 'panel verdict';
    try {
      const report = await (await api('/api/v1/audit/verify')).json();
      if (report.valid) {
        verdict.textContent = 'ห่วงโซ่สมบูรณ์ / Chain intact: ' + report.records + ' records, '
          + report.checkpoints + ' checkpoints, ' + Object.keys(report.nodes).length + ' node(s)';
        verdict.classList.add('good');
      } else {
        verdict.textContent = 'ห่วงโซ่ไม่สมบูรณ์ / Chain broken: ' + report.breaks.map(
          (b) => b.kind + ' at ' + b.node + '#' + b.seq + (b.exchangeId ? ' (' + b.exchangeId + ')' : '')).join('; ');
        verdict.classList.add('bad');
      }
    } catch (e) {
      verdict.classList.add('hidden');
    }
  }

  // The export is streamed by the hub; fetched with the bearer token, then handed to the browser as a file.
  async function exportLog() {
    const p = new URLSearchParams({format: $('export-format').value});
    const from = instant('q-from');
    const to = instant('q-to');
    if (from) {
      p.set('from', from);
    }
    if (to) {
      p.set('to', to);
    }
    try {
      const response = await api('/api/v1/audit/export?' + p);
      const disposition = response.headers.get('Content-Disposition') || '';
      const name = (disposition.match(/filename="([^"]+)"/) || [null, 'saphan-audit.' + p.get('format')])[1];
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      // the error is shown by api()
    }
  }

  $('search-form').addEventListener('submit', (e) => search(e, false));
  $('more').addEventListener('click', () => search(null, true));
  $('verify').addEventListener('click', verify);
  $('export').addEventListener('click', exportLog);
  Saphan.start(() => {});
})();
