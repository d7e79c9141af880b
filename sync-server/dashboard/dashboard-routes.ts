import { say } from '../../common/i18n/message.js';
import { sayIssues } from '../../common/i18n/input-issues.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Assignment } from '../../common/contract/assignments.js';
import type { ProgressCatalog } from '../../common/progress-rules/catalog.js';
import { speakerIn } from '../../common/i18n/speaker.js';
import { percent } from '../../common/progress-rules/percent.js';
import type { StruggleThresholds } from '../../common/progress-rules/struggle.js';
import type { TokenVerifier } from '../accounts/token-verifier.js';
import { authenticate, requireRole } from '../http/bearer-auth.js';
import { requestLanguage } from '../http/request-language.js';
import { ServerError } from '../http/server-error.js';
import type { SqlRunner } from '../storage/sql-store.js';
import type { ClassAccess } from './class-access.js';
import { classReport, learnerDetail } from './class-report.js';
import type { ReportOptions } from './class-report.js';
import { toCsv } from './csv.js';
import { DASHBOARD_CSS, DASHBOARD_ICON, DASHBOARD_SCRIPT } from './dashboard-assets.js';
import { DASHBOARD_CSP, dashboardShell, reportFragment } from './dashboard-page.js';
import { learnerDetailFragment } from './learner-detail-page.js';
import type { ProjectionStore } from './projection-store.js';
import { reportTableNames, reportTables } from './report-tables.js';

export interface DashboardRouteDeps {
  tokens: TokenVerifier;
  access: ClassAccess;
  projections: ProjectionStore;
  store: SqlRunner;
  catalog: () => ProgressCatalog;
  listAssignments: (classId: string) => Promise<Assignment[]>;
  thresholds: StruggleThresholds;
  now: () => Date;
}

const reportQuery = z.object({
  /** The viewer's `Date#getTimezoneOffset`, for streaks counted in local days. */
  tz: z.coerce
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60)
    .default(0),
  /** Days without progress before a learner is listed as stuck. */
  idleDays: z.coerce.number().int().min(1).max(365).optional(),
});

const exportFile = z.string().transform((file, ctx) => {
  const name = reportTableNames.find((table) => `${table}.csv` === file);
  if (!name) ctx.addIssue({ code: 'custom', message: `tables: ${reportTableNames.map((t) => `${t}.csv`).join(', ')}` });
  return name!;
});

/** Reports hold learners' data: no cache (shared or the browser's) keeps a copy. */
const privately = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/**
 * The page, its fragments and the CSV speak the browser's language (its script's requests carry the same
 * Accept-Language): the words differ by it, so no cache may hand one reader's language to another.
 */
const speakerFor = (request: FastifyRequest, reply: FastifyReply) => {
  reply.header('vary', 'accept-language');
  return speakerIn(requestLanguage(request));
};

/**
 * The teacher's dashboard: JSON for the app, the same report as a page for a browser on the LAN, and every
 * table as CSV. Each data route asks ClassAccess first, so a teacher reads only their own classes.
 */
export function registerDashboardRoutes(app: FastifyInstance, deps: DashboardRouteDeps): void {
  const options = (query: unknown): ReportOptions => {
    const parsed = reportQuery.safeParse(query);
    if (!parsed.success) throw new ServerError('invalid-input', sayIssues(parsed.error));
    return {
      now: deps.now(),
      tzOffsetMinutes: parsed.data.tz,
      thresholds: { ...deps.thresholds, ...(parsed.data.idleDays ? { idleDays: parsed.data.idleDays } : {}) },
    };
  };

  const report = async (request: FastifyRequest, classId: string) => {
    const claims = await authenticate(request, deps.tokens);
    const roster = await deps.access.roster(claims, classId);
    const projections = await deps.projections.loadMany(roster.members.map((m) => m.id));
    const assignments = await deps.listAssignments(classId);
    return classReport(roster, projections, deps.catalog(), assignments, options(request.query));
  };

  app.get('/dashboard', async (request, reply) =>
    reply
      .header('content-security-policy', DASHBOARD_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(dashboardShell(speakerFor(request, reply))),
  );
  app.get('/dashboard/dashboard.js', async (_request, reply) =>
    reply.header('x-content-type-options', 'nosniff').type('text/javascript; charset=utf-8').send(DASHBOARD_SCRIPT),
  );
  app.get('/dashboard/dashboard.css', async (_request, reply) =>
    reply.header('x-content-type-options', 'nosniff').type('text/css; charset=utf-8').send(DASHBOARD_CSS),
  );

  app.get('/dashboard/icon.svg', async (_request, reply) =>
    reply.header('x-content-type-options', 'nosniff').type('image/svg+xml').send(DASHBOARD_ICON),
  );

  app.get('/dashboard/classes', async (request, reply) => {
    const claims = await authenticate(request, deps.tokens);
    return privately(reply).send({ classes: await deps.access.classesOf(claims) });
  });

  app.get<{ Params: { classId: string } }>('/dashboard/classes/:classId', async (request, reply) =>
    privately(reply).send(await report(request, request.params.classId)),
  );

  app.get<{ Params: { classId: string } }>('/dashboard/classes/:classId/page', async (request, reply) =>
    privately(reply)
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(reportFragment(await report(request, request.params.classId), speakerFor(request, reply))),
  );

  app.get<{ Params: { classId: string; file: string } }>(
    '/dashboard/classes/:classId/export/:file',
    async (request, reply) => {
      const file = exportFile.safeParse(request.params.file);
      if (!file.success)
        throw new ServerError('not-found', say('server-no-such-table', { problem: sayIssues(file.error) }));
      const table = reportTables(await report(request, request.params.classId), speakerFor(request, reply))[file.data];
      return privately(reply)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename="${file.data}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(toCsv(table));
    },
  );

  const detail = async (request: FastifyRequest<{ Params: { classId: string; learnerId: string } }>) => {
    const claims = await authenticate(request, deps.tokens);
    const roster = await deps.access.roster(claims, request.params.classId);
    const member = roster.members.find((m) => m.id === request.params.learnerId);
    if (!member) throw new ServerError('not-found', say('server-learner-not-in-class'));
    const projection = (await deps.projections.loadMany([member.id])).get(member.id)!;
    return learnerDetail(member, projection, deps.catalog(), options(request.query));
  };

  app.get<{ Params: { classId: string; learnerId: string } }>(
    '/dashboard/classes/:classId/learners/:learnerId',
    async (request, reply) => privately(reply).send(await detail(request)),
  );

  app.get<{ Params: { classId: string; learnerId: string } }>(
    '/dashboard/classes/:classId/learners/:learnerId/page',
    async (request, reply) =>
      privately(reply)
        .header('x-content-type-options', 'nosniff')
        .type('text/html; charset=utf-8')
        .send(learnerDetailFragment(await detail(request), speakerFor(request, reply))),
  );

  // The whole school at once: only an admin sees across classes.
  app.get('/dashboard/school/modules', async (request, reply) => {
    const claims = await authenticate(request, deps.tokens);
    requireRole(claims, ['admin']);
    const [counted, totals] = await Promise.all([
      deps.store.get<{ n: number }>("SELECT count(*) AS n FROM accounts WHERE role = 'learner'"),
      deps.projections.moduleTotals(),
    ]);
    const learners = Number(counted?.n ?? 0);
    return privately(reply).send({
      learners,
      modules: deps.catalog().modules.map((m) => {
        const row = totals.get(m.moduleId);
        const total = m.lessons.length + m.exercises.length + m.quizItems.length;
        return {
          moduleId: m.moduleId,
          title: m.title,
          total,
          started: Number(row?.started ?? 0),
          finished: Number(row?.finished ?? 0),
          averagePercent: percent(Number(row?.completed ?? 0), total * learners),
        };
      }),
    });
  });
}
