import { say } from '../../common/i18n/message.js';
import type { PlainMessageKey } from '../../common/i18n/message.js';
import type { Speaker } from '../../common/i18n/speaker.js';
import type { ClassReport } from './class-report.js';
import { html } from './html.js';
import type { Html } from './html.js';
import { reportTableNames, reportTables, signalSaid } from './report-tables.js';
import type { Cell, ReportTable, ReportTableName } from './report-tables.js';

/**
 * The page a teacher opens in a browser on the LAN. No cookie and no token in any URL: the sign-in form is sent
 * by the page's script as JSON, the access token stays in the script's memory and goes out in the
 * Authorization header, so another site can neither ride a session (nothing ambient to send) nor find a token
 * in a log or the history. No inline script or style: the CSP below allows this server's files only.
 */
export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/** The product's name is the same in every language. */
const APP_NAME = 'Lionagi Learn';

/** The sentences the page's script says itself (sign-in, errors), handed to it in the page's language. */
const scriptMessages = (t: Speaker['text']) => ({
  sessionEnded: t(say('dash-session-ended')),
  // The script fills in the HTTP status itself.
  reportFailed: t(say('dash-report-failed', { status: '{{status}}' })),
  teachersOnly: t(say('dash-teachers-only')),
  classesFailed: t(say('dash-classes-failed')),
  noClasses: t(say('dash-no-classes')),
  signingIn: t(say('dash-signing-in')),
  tooManyTries: t(say('dash-too-many-tries')),
  wrongPassword: t(say('dash-wrong-password')),
  signedOut: t(say('dash-signed-out')),
});

export const dashboardShell = ({ language, text: t }: Speaker): string =>
  html`<!doctype html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${t(say('dash-document-title', { app: APP_NAME }))}</title>
        <link rel="icon" href="/dashboard/icon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/dashboard/dashboard.css" />
        <script type="module" src="/dashboard/dashboard.js"></script>
      </head>
      <body data-messages="${JSON.stringify(scriptMessages(t))}">
        <header class="bar">
          <h1>${t(say('dash-title'))}</h1>
          <div class="actions" id="actions" hidden>
            <label for="class-picker">${t(say('dash-class'))}</label>
            <select id="class-picker"></select>
            <button type="button" id="print">${t(say('dash-print'))}</button>
            <button type="button" id="sign-out">${t(say('dash-sign-out'))}</button>
          </div>
        </header>
        <main id="main">
          <form id="sign-in" class="sign-in" novalidate>
            <h2>${t(say('dash-sign-in'))}</h2>
            <p>${t(say('dash-sign-in-intro'))}</p>
            <label for="email">${t(say('dash-email'))}</label>
            <input id="email" name="email" type="email" autocomplete="username" required />
            <label for="password">${t(say('dash-password'))}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
            <button type="submit">${t(say('dash-sign-in'))}</button>
            <p id="sign-in-status" role="status" aria-live="polite"></p>
          </form>
          <div id="report" aria-live="polite"></div>
        </main>
      </body>
    </html> `.text;

/** A cell as the reader's language writes it: numbers with its separators, an empty cell as a dash. */
const cellHtml = (cell: Cell, speaker: Speaker): Html | string => {
  if (cell === null) return html`<span class="none">–</span>`;
  return typeof cell === 'number' ? speaker.number(cell) : cell;
};

/** Heat-map cells are coloured by band, and always carry their number: colour is never the only sign. */
const heatClass = (cell: Cell): string => {
  if (typeof cell !== 'string') return '';
  // "50% (1/2)" in English, "50 % (1/2)" in German.
  const share = Number(/^(\d+)\s?%/.exec(cell)?.[1] ?? NaN);
  return Number.isNaN(share) ? '' : `heat heat-${Math.min(4, Math.floor(share / 25))}`;
};

/**
 * One table of the page. `rowKeys` (the learners' ids, row by row) turns each row's name into the button that
 * opens that learner's detail; `exportable` adds the table's CSV download.
 */
export function tableHtml(
  name: string,
  table: ReportTable,
  empty: string,
  speaker: Speaker,
  { rowKeys, exportable = true }: { rowKeys?: string[]; exportable?: boolean } = {},
): Html {
  const t = speaker.text;
  const rowHead = (cell: Cell, i: number) =>
    rowKeys?.[i] === undefined
      ? cellHtml(cell, speaker)
      : // A label, not a hidden span: Chromium puts a space before a positioned span ("Ada : details").
        html`<button
          type="button"
          class="learner"
          data-learner="${rowKeys[i]}"
          aria-label="${t(say('dash-details', { name: String(cell) }))}"
        >
          ${cellHtml(cell, speaker)}
        </button>`;
  const body =
    table.rows.length === 0
      ? html`<p class="empty">${empty}</p>`
      : html`<div class="scroll" role="region" aria-labelledby="caption-${name}" tabindex="0">
          <table id="table-${name}">
            <caption id="caption-${name}">
              ${table.caption}
            </caption>
            <thead>
              <tr>
                ${table.headers.map((h) => html`<th scope="col">${h}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${table.rows.map(
                ([head, ...rest], i) =>
                  html`<tr>
                    <th scope="row">${rowHead(head ?? null, i)}</th>
                    ${rest.map(
                      (c) =>
                        html`<td class="${name === 'mastery' ? heatClass(c) : typeof c === 'number' ? 'num' : ''}">
                          ${cellHtml(c, speaker)}
                        </td>`,
                    )}
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
  return html`<section class="table-section" aria-labelledby="heading-${name}">
    <div class="section-head">
      <h3 id="heading-${name}">${table.caption}</h3>
      ${
        exportable
          ? html`<button type="button" class="export" data-export="${name}">
              ${t(say('dash-download-csv'))}<span class="visually-hidden">
                ${t(say('dash-download-csv-of', { table: table.caption }))}</span
              >
            </button>`
          : ''
      }
    </div>
    ${body}
  </section>`;
}

const EMPTY: Record<ReportTableName, PlainMessageKey> = {
  learners: 'dash-empty-learners',
  modules: 'dash-empty-modules',
  mastery: 'dash-empty-mastery',
  stuck: 'dash-empty-stuck',
  exercises: 'dash-empty-exercises',
  assessments: 'dash-empty-assessments',
  assignments: 'dash-empty-assignments',
};

/** The report's part of the page, rendered here (every string escaped) and put in place by the page's script. */
export function reportFragment(report: ClassReport, speaker: Speaker): string {
  const t = speaker.text;
  const tables = reportTables(report, speaker);
  const titles = new Map(report.exercises.map((e) => [e.exerciseId, e.title]));
  return html`<h2>${report.class.name}</h2>
    <p class="generated">
      ${t(say('dash-generated', { generatedAt: report.generatedAt, count: report.learners.length }))}
    </p>
    ${
      report.stuck.length > 0
        ? html`<ul class="alerts" aria-label="${t(say('dash-stuck-list'))}">
            ${report.stuck.map(
              (s) =>
                html`<li>
                  <strong>${s.displayName}</strong>:
                  ${s.signals.map((x) => t(signalSaid(x, (id) => titles.get(id) ?? id))).join('; ')}
                </li>`,
            )}
          </ul>`
        : ''
    }
    <section id="learner-detail" class="detail" aria-labelledby="detail-heading" tabindex="-1" hidden></section>
    ${reportTableNames.map((name) =>
      tableHtml(
        name,
        tables[name],
        t(say(EMPTY[name])),
        speaker,
        name === 'learners' ? { rowKeys: report.learners.map((l) => l.id) } : {},
      ),
    )}`.text;
}
