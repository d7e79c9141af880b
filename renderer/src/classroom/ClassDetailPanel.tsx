import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassMember } from '../../../common/contract/classes.js';
import type { ClassDetail } from '../../../common/contract/classroom.js';
import type { TaughtClass } from '../../../common/contract/classes.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { Notice } from '../components/Notice.js';
import type { Message } from '../components/Notice.js';
import { formatDate } from '../i18n/format.js';
import { learn } from '../learn.js';
import type { LoadState } from '../use-load.js';
import { AssignForm } from './AssignForm.js';
import { dueLabel } from './due-label.js';

/** "ABCD2345" as "ABCD-2345": easier to read off a board. */
const spaced = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** One class a teacher manages: its code, its members and its assignments. */
export function ClassDetailPanel({
  session,
  taught,
  onChanged,
}: {
  session: string;
  taught: TaughtClass;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<LoadState<ClassDetail>>({ status: 'loading' });
  // A refresh keeps the class on screen (and the assign form with its outcome) until the new answer arrives.
  const refresh = useCallback(
    () =>
      learn()
        .getClassDetail({ session, classId: taught.id })
        .then(
          (value) => setDetail({ status: 'ready', value }),
          (error: unknown) => setDetail({ status: 'error', message: (error as Error).message }),
        ),
    [session, taught.id],
  );
  useEffect(() => void refresh(), [refresh]);
  const [removing, setRemoving] = useState<ClassMember>();
  const [message, setMessage] = useState<Message>();
  const reload = () => (void refresh(), onChanged());

  const act = async (work: () => Promise<unknown>, done: string) => {
    setMessage(undefined);
    try {
      await work();
      setMessage({ kind: 'ok', text: done });
      reload();
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };

  return (
    <section className="panel class-detail" aria-labelledby="class-detail-heading">
      <h2 id="class-detail-heading">{taught.name}</h2>
      <p>
        {t('classroom.detail.joinCode')}{' '}
        <strong className="join-code" data-testid="join-code">
          {spaced(taught.joinCode)}
        </strong>{' '}
        <button
          type="button"
          onClick={() =>
            void act(() => learn().renewJoinCode({ session, classId: taught.id }), t('classroom.detail.renewed'))
          }
        >
          {t('classroom.detail.newCode')}
        </button>
      </p>
      <Notice message={message} />
      <LoadStatus state={detail} what={t('classroom.detail.what')} onRetry={() => void refresh()}>
        {(value: ClassDetail) => (
          <>
            <h3>{t('classroom.detail.members')}</h3>
            {value.members.length === 0 ? (
              <p className="status">{t('classroom.detail.noMembers')}</p>
            ) : (
              <ul className="member-list">
                {value.members.map((member) => (
                  <li key={member.id}>
                    <span>{member.displayName}</span>
                    <span className="status">
                      {' '}
                      {t('classroom.detail.joinedOn', { date: formatDate(member.joinedAt) })}
                    </span>{' '}
                    <button
                      type="button"
                      className="danger"
                      aria-label={t('classroom.detail.removeOf', { name: member.displayName })}
                      onClick={() => setRemoving(member)}
                    >
                      {t('classroom.detail.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('classroom.detail.assignments')}</h3>
            {value.assignments.length === 0 ? (
              <p className="status">{t('classroom.detail.nothingAssigned')}</p>
            ) : (
              <ul className="assignment-list">
                {value.assignments.map((a) => (
                  <li key={a.id} className="assignment">
                    <span>{a.title}</span>
                    <span className="assignment-meta">
                      {t(`classroom.assign.kind.${a.kind}`)} · {dueLabel(a.dueAt, new Date()).text}
                    </span>{' '}
                    <button
                      type="button"
                      aria-label={t('classroom.detail.deleteOf', { title: a.title })}
                      onClick={() =>
                        void act(
                          () => learn().deleteAssignment({ session, classId: taught.id, assignmentId: a.id }),
                          t('classroom.detail.deleted', { title: a.title }),
                        )
                      }
                    >
                      {t('classroom.detail.delete')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <AssignForm session={session} classId={taught.id} onAssigned={() => void refresh()} />
          </>
        )}
      </LoadStatus>
      <ConfirmDialog
        open={removing !== undefined}
        title={t('classroom.detail.removeTitle', { name: removing?.displayName ?? '', className: taught.name })}
        confirmLabel={t('classroom.detail.removeConfirm')}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => {
          const member = removing!;
          setRemoving(undefined);
          void act(
            () => learn().removeClassMember({ session, classId: taught.id, accountId: member.id }),
            t('classroom.detail.removed', { name: member.displayName, className: taught.name }),
          );
        }}
      >
        <p>{t('classroom.detail.removeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
