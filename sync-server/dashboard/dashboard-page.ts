import type { ClassReport } from './class-report.js';
import { html } from './html.js';
import type { Html } from './html.js';
import { reportTableNames, reportTables, signalText } from './report-tables.js';
import type { Cell, ReportTable } from './report-tables.js';

/**
 * The page a teacher opens in a browser on the LAN. No cookie and no token in any URL: the sign-in form is sent
 * by the page's script as JSON, the access token stays in the script's memory and goes out in the
 * Authorization header, so another site can neither ride a session (nothing ambient to send) nor find a token
 * in a log or the history. No inline script or style: the CSP below allows this server's files only.
 */
export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

export const dashboardShell = (): string =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>Class dashboard · Lionagi Learn</title>
        <link rel="icon" href="/dashboard/icon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/dashboard/dashboard.css" />
        <script type="module" src="/dashboard/dashboard.js"></script>
      </head>
      <body>
        <header class="bar">
          <h1>Class dashboard</h1>
          <div class="actions" id="actions" hidden>
            <label for="class-picker">Class</label>
            <select id="class-picker"></select>
            <button type="button" id="print">Print</button>
            <button type="button" id="sign-out">Sign out</button>
          </div>
        </header>
        <main id="main">
          <form id="sign-in" class="sign-in" novalidate>
            <h2>Sign in</h2>
            <p>Sign in with your teacher account on this class server.</p>
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="username" required />
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
            <button type="submit">Sign in</button>
            <p id="sign-in-status" role="status" aria-live="polite"></p>
          </form>
          <div id="report" aria-live="polite"></div>
        </main>
      </body>
    </html> `.text;

const cellHtml = (cell: Cell): Html | string => (cell === null ? html`<span class="none">–</span>` : String(cell));

/** Heat-map cells are coloured by band, and always carry their number: colour is never the only sign. */
const heatClass = (cell: Cell): string => {
  if (typeof cell !== 'string') return '';
  const share = Number(/^(\d+)%/.exec(cell)?.[1] ?? NaN);
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
  { rowKeys, exportable = true }: { rowKeys?: string[]; exportable?: boolean } = {},
): Html {
  const rowHead = (cell: Cell, i: number) =>
    rowKeys?.[i] === undefined
      ? cellHtml(cell)
      : // A label, not a hidden span: Chromium puts a space before a positioned span ("Ada : details").
        html`<button type="button" class="learner" data-learner="${rowKeys[i]}" aria-label="${String(cell)}: details">
          ${cellHtml(cell)}
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
                          ${cellHtml(c)}
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
              Download CSV<span class="visually-hidden"> of ${table.caption}</span>
            </button>`
          : ''
      }
    </div>
    ${body}
  </section>`;
}

const EMPTY: Record<(typeof reportTableNames)[number], string> = {
  learners: 'No learner has joined this class yet.',
  modules: 'This server knows no packs, so there are no modules to report.',
  mastery: 'No answers or submissions yet.',
  stuck: 'Nobody seems stuck.',
  exercises: 'No exercise started yet.',
  assessments: 'No assessment taken yet.',
  assignments: 'Nothing assigned to this class.',
};

/** The report's part of the page, rendered here (every string escaped) and put in place by the page's script. */
export function reportFragment(report: ClassReport): string {
  const tables = reportTables(report);
  const titles = new Map(report.exercises.map((e) => [e.exerciseId, e.title]));
  return html`<h2>${report.class.name}</h2>
    <p class="generated">
      Generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC · ${report.learners.length} learners
    </p>
    ${
      report.stuck.length > 0
        ? html`<ul class="alerts" aria-label="Learners who may be stuck">
            ${report.stuck.map(
              (s) =>
                html`<li>
                  <strong>${s.displayName}</strong>:
                  ${s.signals.map((x) => signalText(x, (id) => titles.get(id) ?? id)).join('; ')}
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
        EMPTY[name],
        name === 'learners' ? { rowKeys: report.learners.map((l) => l.id) } : {},
      ),
    )}`.text;
}
