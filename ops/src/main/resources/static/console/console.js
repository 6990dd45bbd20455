// Shared by the console pages: log in with a console client's id and secret through the hub's token endpoint,
// keep the bearer token in sessionStorage only (gone when the tab closes), and call the role-checked APIs.
// The pages hold no data of their own. Text is only ever set with textContent, never parsed as HTML.
'use strict';

const Saphan = (() => {
  const role = document.body.dataset.role;
  const key = 'saphan.console.' + role;
  const $ = (id) => document.getElementById(id);
  let onReady = () => {};

  function session() {
    const raw = sessionStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.classList.toggle('hidden', !message);
  }

  // A problem+json answer in the auditor's or operator's words: its title and stable code, never a stack trace.
  async function problemText(response) {
    try {
      const problem = await response.json();
      return (problem.title || response.statusText) + (problem.code ? ' (' + problem.code + ')' : '')
        + (problem.detail ? ': ' + problem.detail : '');
    } catch (e) {
      return 'HTTP ' + response.status;
    }
  }

  function showSignedIn() {
    const s = session();
    $('login').classList.toggle('hidden', !!s);
    $('session').classList.toggle('hidden', !s);
    $('content').classList.toggle('hidden', !s);
    $('signed-in-as').textContent = s ? 'เข้าสู่ระบบเป็น / Signed in as ' + s.client : '';
    if (s) {
      onReady();
    }
  }

  async function logIn(event) {
    event.preventDefault();
    showError('');
    const client = $('client-id').value.trim();
    const form = new URLSearchParams({grant_type: 'client_credentials', client_id: client,
      client_secret: $('client-secret').value});
    const response = await fetch('/api/v1/auth/token', {method: 'POST', body: form});
    $('client-secret').value = '';
    if (!response.ok) {
      showError('เข้าสู่ระบบไม่สำเร็จ / Log-in failed: ' + await problemText(response));
      return;
    }
    const token = await response.json();
    sessionStorage.setItem(key, JSON.stringify({client: client, token: token.access_token}));
    showSignedIn();
  }

  async function logOut() {
    const s = session();
    sessionStorage.removeItem(key);
    if (s) {
      // RFC 7009 revocation, authenticated by the token itself; the answer does not matter
      fetch('/api/v1/auth/revoke', {method: 'POST', headers: {Authorization: 'Bearer ' + s.token},
        body: new URLSearchParams({token: s.token})}).catch(() => {});
    }
    location.reload();
  }

  // GET an API with the session's token. A 401 (expired token) ends the session; a 403 means this
  // client lacks the page's role.
  async function api(path) {
    const s = session();
    const response = await fetch(path, {headers: {Authorization: 'Bearer ' + s.token}});
    if (response.status === 401) {
      sessionStorage.removeItem(key);
      showSignedIn();
      showError('หมดเวลาการเข้าสู่ระบบ / The session has ended, please log in again.');
      throw new Error('unauthenticated');
    }
    if (!response.ok) {
      const text = await problemText(response);
      showError((response.status === 403 ? 'ไม่มีสิทธิ์ / Not allowed: ' : 'ผิดพลาด / Error: ') + text);
      throw new Error(text);
    }
    showError('');
    return response;
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '–' : String(text);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString('th-TH', {hour12: false}) : '–';
  }

  function element(tag, attributes, ...children) {
    const e = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => e.setAttribute(name, value));
    e.append(...children);
    return e;
  }

  // The parts every page shares: who is signed in, the log-in form and the error line. Built here once, so the
  // pages hold only what is their own.
  function buildSharedParts() {
    document.querySelector('header').append(element('div', {id: 'session', class: 'session hidden'},
      element('span', {id: 'signed-in-as'}),
      element('button', {type: 'button', id: 'logout'}, 'ออกจากระบบ / Log out')));
    document.querySelector('main').prepend(
      element('form', {id: 'login', class: 'panel hidden', autocomplete: 'off'},
        element('h2', {}, 'เข้าสู่ระบบ / Log in'),
        element('label', {}, 'รหัสระบบ / Client ID ', element('input', {id: 'client-id', name: 'client_id', required: ''})),
        element('label', {}, 'รหัสลับ / Secret ',
          element('input', {id: 'client-secret', name: 'client_secret', type: 'password', required: ''})),
        element('button', {type: 'submit', id: 'login-submit'}, 'เข้าสู่ระบบ / Log in')),
      element('p', {id: 'error', class: 'error hidden', role: 'alert'}));
  }

  function start(ready) {
    onReady = ready;
    buildSharedParts();
    $('client-id').value = document.body.dataset.defaultClient || '';
    $('login').addEventListener('submit', logIn);
    $('logout').addEventListener('click', logOut);
    showSignedIn();
  }

  return {$, api, cell, when, start, showError};
})();
