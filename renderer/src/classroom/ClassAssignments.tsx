import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '../../../common/contract/classroom.js';
import { hrefFor } from '../router.js';
import { useSession } from '../learner-store.js';
import { useClassroom } from './classroom-store.js';
import { dueLabel } from './due-label.js';
import { JoinClassForm } from './JoinClassForm.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { Notice } from '../components/Notice.js';
import type { Message } from '../components/Notice.js';
import type { JoinedClass } from '../../../common/contract/classes.js';
import { formatDateTime, formatList } from '../i18n/format.js';
import { learn } from '../learn.js';

const hrefOf = (a: AssignmentView) =>
  a.kind === 'lesson'
    ? hrefFor.lesson(a.itemId)
    : a.kind === 'exercise'
      ? hrefFor.exercise(a.itemId)
      : a.kind === 'quiz'
        ? hrefFor.quiz(a.itemId)
        : hrefFor.module(a.itemId);

/** The learner's assignments, first thing on home: what is due, when, and where they stand. */
export function ClassAssignments() {
  const { t } = useTranslation();
  const session = useSession();
  const { classroom, load, set: setClassroom } = useClassroom();
  const [leaving, setLeaving] = useState<JoinedClass>();
  const [message, setMessage] = useState<Message>();
  useEffect(() => void load(session), [session, load]);
  // Open by default while the learner is in no class; once they open it, it stays open after a join (so they
  // read the outcome) until they close it.
  const [joinOpen, setJoinOpen] = useState<boolean | null>(null);

  if (classroom.status === 'error') {
    return (
      <section className="panel class-assignments" aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">{t('classroom.assignments.heading')}</h2>
        <div role="alert" className="status-error">
          <p>{t('classroom.assignments.couldNotLoad', { message: classroom.message })}</p>
          <button type="button" onClick={() => void load(session)}>
            {t('load.retry')}
          </button>
        </div>
      </section>
    );
  }
  if (classroom.status !== 'ready' || classroom.value.serverUrl === null) return null;

  const leave = async (left: JoinedClass) => {
    setLeaving(undefined);
    try {
      setClassroom(session, await learn().leaveClass({ session, classId: left.id }));
      setMessage({ kind: 'ok', text: t('classroom.assignments.left', { name: left.name }) });
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };
  const { classes, assignments, offline, updatedAt } = classroom.value;
  const now = new Date();
  // Open work first, soonest due first (the server's order); done work after it.
  const ordered = [
    ...assignments.filter((a) => a.status !== 'done'),
    ...assignments.filter((a) => a.status === 'done'),
  ];

  return (
    <section className="panel class-assignments" aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">{t('classroom.assignments.heading')}</h2>
      {offline && (
        <p className="status" role="status">
          {updatedAt
            ? t('classroom.assignments.offlineAsOf', { date: formatDateTime(updatedAt), reason: offline })
            : t('classroom.assignments.notLoaded', { reason: offline })}
        </p>
      )}
      {classes.length === 0 ? (
        <p className="status">{t('classroom.assignments.notInClass')}</p>
      ) : assignments.length === 0 ? (
        <p className="status">
          {t('classroom.assignments.nothingIn', { classes: formatList(classes.map((c) => c.name)) })}
        </p>
      ) : (
        <ul className="assignment-list">
          {ordered.map((a) => {
            const due = dueLabel(a.dueAt, now, a.status === 'done');
            return (
              <li key={a.id} className={`assignment assignment-${a.status}`} data-testid="assignment">
                <a href={hrefOf(a)}>{a.title}</a>
                <span className="assignment-meta">
                  <span className={due.overdue ? 'assignment-overdue' : undefined}>{due.text}</span>
                  {' · '}
                  <span className="assignment-status">{t(`progressMark.${a.status}`)}</span>
                  {classes.length > 1 && ` · ${a.className}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {classes.length > 0 && (
        <p className="class-names">
          {t('classroom.assignments.yourClasses', { count: classes.length })}{' '}
          {classes.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              {c.name} ({c.teacherName}){' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setLeaving(c)}
                aria-label={t('classroom.assignments.leaveOf', { name: c.name })}
              >
                {t('classroom.assignments.leave')}
              </button>
            </span>
          ))}
        </p>
      )}
      <Notice message={message} />
      <details
        className="join-details"
        open={joinOpen ?? classes.length === 0}
        onToggle={(e) => setJoinOpen(e.currentTarget.open)}
      >
        <summary>{classes.length === 0 ? t('classroom.join.first') : t('classroom.join.another')}</summary>
        <JoinClassForm session={session} />
      </details>
      <ConfirmDialog
        open={leaving !== undefined}
        title={t('classroom.assignments.leaveTitle', { name: leaving?.name ?? '' })}
        confirmLabel={t('classroom.assignments.leaveConfirm')}
        onCancel={() => setLeaving(undefined)}
        onConfirm={() => void leave(leaving!)}
      >
        <p>{t('classroom.assignments.leaveBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
