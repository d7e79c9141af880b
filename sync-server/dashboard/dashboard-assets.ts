/**
 * The page's script and style, served as files of this server (the CSP allows no inline ones). Kept here as
 * text so the server's one-file bundle carries them.
 */
export const DASHBOARD_SCRIPT = String.raw`
const $ = (id) => document.getElementById(id);
// The page's sentences in its language, rendered into the page by the server (no inline script is allowed).
const say = JSON.parse(document.body.dataset.messages);
// The tokens live in this module's memory only: never in storage, a cookie or a URL.
let tokens = null;
let classId = null;

async function call(path, init = {}) {
  const send = () =>
    fetch(path, { ...init, headers: { ...(init.headers || {}), authorization: 'Bearer ' + tokens.accessToken } });
  let response = await send();
  if (response.status === 401 && tokens.refreshToken) {
    const renewed = await fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    });
    if (renewed.ok) {
      tokens = await renewed.json();
      response = await send();
    }
  }
  if (response.status === 401) signOut(say.sessionEnded);
  return response;
}

function signOut(message) {
  if (tokens) {
    fetch('/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    }).catch(() => undefined);
  }
  tokens = null;
  classId = null;
  $('report').replaceChildren();
  $('actions').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-status').textContent = message || '';
}

async function showClass(id) {
  classId = id;
  const tz = new Date().getTimezoneOffset();
  const response = await call('/dashboard/classes/' + encodeURIComponent(id) + '/page?tz=' + tz);
  if (!response.ok) {
    $('report').textContent = say.reportFailed.replace('{{status}}', String(response.status));
    return;
  }
  // Rendered by the server with every learner-provided string escaped.
  $('report').innerHTML = await response.text();
}

async function showClasses() {
  const response = await call('/dashboard/classes');
  if (!response.ok) {
    $('sign-in-status').textContent =
      response.status === 403 ? say.teachersOnly : say.classesFailed;
    return;
  }
  const { classes } = await response.json();
  const picker = $('class-picker');
  picker.replaceChildren(
    ...classes.map((c) => {
      const option = document.createElement('option');
      option.value = c.id;
      option.textContent = c.name + ' (' + c.members + ')';
      return option;
    }),
  );
  $('sign-in').hidden = true;
  $('actions').hidden = false;
  if (classes.length === 0) $('report').textContent = say.noClasses;
  else await showClass(classes[0].id);
}

$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = $('email').value;
  const password = $('password').value;
  $('password').value = '';
  $('sign-in-status').textContent = say.signingIn;
  const response = await fetch('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) {
    $('sign-in-status').textContent = response.status === 429 ? say.tooManyTries : say.wrongPassword;
    return;
  }
  tokens = await response.json();
  $('sign-in-status').textContent = '';
  await showClasses();
});

$('class-picker').addEventListener('change', (event) => showClass(event.target.value));
$('print').addEventListener('click', () => window.print());
$('sign-out').addEventListener('click', () => signOut(say.signedOut));
// One learner's detail opens in its section above the tables and takes the focus; Close gives it back.
let detailOpener = null;
async function openDetail(button) {
  const section = $('learner-detail');
  const tz = new Date().getTimezoneOffset();
  const response = await call(
    '/dashboard/classes/' + encodeURIComponent(classId) + '/learners/' + encodeURIComponent(button.dataset.learner) +
      '/page?tz=' + tz,
  );
  if (!response.ok) return;
  // Rendered by the server with every learner-provided string escaped.
  section.innerHTML = await response.text();
  section.hidden = false;
  detailOpener = button;
  section.focus();
}

function closeDetail() {
  const section = $('learner-detail');
  section.hidden = true;
  section.replaceChildren();
  if (detailOpener && detailOpener.isConnected) detailOpener.focus();
  detailOpener = null;
}

$('report').addEventListener('click', async (event) => {
  const learner = event.target.closest('button[data-learner]');
  if (learner && classId) return openDetail(learner);
  if (event.target.closest('button[data-close-detail]')) return closeDetail();
  const button = event.target.closest('button[data-export]');
  if (!button || !classId) return;
  const table = button.dataset.export;
  const response = await call('/dashboard/classes/' + encodeURIComponent(classId) + '/export/' + table + '.csv');
  if (!response.ok) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = table + '.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
});
`;

export const DASHBOARD_CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #59636e; --line: #d0d7de; --accent: #0b5cad;
  --heat-0: #fde2e1; --heat-1: #fdebd0; --heat-2: #fff6c7; --heat-3: #dcf5dc; --heat-4: #b8e8c0; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3; --line: #3d444d; --accent: #7cb7ff;
    --heat-0: #5c1f1f; --heat-1: #5a3a12; --heat-2: #4d4510; --heat-3: #1f4d26; --heat-4: #145c2a; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
.bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between;
  padding: 0.75rem 1rem; border-bottom: 1px solid var(--line); }
.bar h1 { font-size: 1.25rem; margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.actions[hidden], form[hidden] { display: none; }
main { padding: 1rem; max-width: 80rem; margin: 0 auto; }
.sign-in { display: grid; gap: 0.5rem; max-width: 22rem; }
input, select, button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line);
  border-radius: 4px; padding: 0.4rem 0.6rem; min-height: 2.75rem; }
button { cursor: pointer; border-color: var(--accent); color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.generated, .empty { color: var(--muted); }
.section-head { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; justify-content: space-between; }
.section-head h3 { margin: 1.5rem 0 0.5rem; font-size: 1.1rem; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; min-width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.heat { text-align: center; color: var(--fg); }
.heat-0 { background: var(--heat-0); } .heat-1 { background: var(--heat-1); } .heat-2 { background: var(--heat-2); }
.heat-3 { background: var(--heat-3); } .heat-4 { background: var(--heat-4); }
.alerts { padding-left: 1.25rem; }
.detail { border: 1px solid var(--line); border-radius: 4px; padding: 0 1rem 1rem; margin: 1rem 0; }
.detail[hidden] { display: none; }
.detail-numbers { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0; }
.detail-numbers dt { color: var(--muted); font-size: 0.9rem; }
.detail-numbers dd { margin: 0; font-size: 1.25rem; font-variant-numeric: tabular-nums; }
button.learner { min-height: 2.75rem; border: 0; padding: 0.2rem 0; text-align: left; text-decoration: underline; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  :root { --fg: #000; --bg: #fff; --line: #888; }
  .bar .actions, .sign-in, button.export, button[data-close-detail] { display: none !important; }
  .scroll { overflow: visible; }
  table { page-break-inside: auto; } tr { page-break-inside: avoid; }
  .heat { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

/** The tab's icon: without one the browser asks for /favicon.ico, which this server does not have, and logs a 404. */
export const DASHBOARD_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b5cad"/>' +
  '<path d="M4 11h8M4 8h5M4 5h8" stroke="#fff" stroke-width="1.5"/></svg>';
