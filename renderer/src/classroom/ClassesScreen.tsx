import { useCallback, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import type { TaughtClass } from '../../../common/contract/classes.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { Notice } from '../components/Notice.js';
import type { Message } from '../components/Notice.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { hrefFor } from '../router.js';
import type { LoadState } from '../use-load.js';
import { ClassDetailPanel } from './ClassDetailPanel.js';
import { teaches, useClassroom } from './classroom-store.js';

/** A teacher's classes: create one, open one to see its code, members and assignments. */
export function ClassesScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const classroom = useClassroom((s) => s.classroom);
  const [classes, setClasses] = useState<LoadState<TaughtClass[]>>({ status: 'loading' });
  // A refresh keeps the list on screen (and the open class with its messages) until the new one arrives.
  const refresh = useCallback(
    () =>
      learn()
        .listTaughtClasses({ session })
        .then(
          (value) => setClasses({ status: 'ready', value }),
          (error: unknown) => setClasses({ status: 'error', message: (error as Error).message }),
        ),
    [session],
  );
  // Asked only of a teacher (or when the role is unknown after an error): the server refuses anyone else, a 403
  // in the console for every learner who looks.
  const teacher = teaches(classroom) || classroom.status === 'error';
  useEffect(() => {
    if (teacher) void refresh();
  }, [refresh, teacher]);
  const [selected, setSelected] = useState<string>();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();

  if (classroom.status === 'ready' && !teaches(classroom)) {
    return (
      <section aria-labelledby="classes-heading">
        <h1 id="classes-heading">{t('classroom.heading')}</h1>
        <p className="status">
          {classroom.value.serverUrl === null ? (
            <Trans i18nKey="classroom.noServer" components={{ a: <a href={hrefFor.settings()} /> }} />
          ) : (
            t('classroom.notTeacher')
          )}
        </p>
      </section>
    );
  }

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      const created = await learn().createClass({ session, name });
      setName('');
      setSelected(created.id);
      void refresh();
      setMessage({ kind: 'ok', text: t('classroom.created', { name: created.name }) });
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="classes-heading" className="classes-screen">
      <h1 id="classes-heading">{t('classroom.heading')}</h1>
      <form className="create-class" onSubmit={(e) => void create(e)} aria-label={t('classroom.create')}>
        <label>
          {t('classroom.newName')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
        </label>
        <button type="submit" disabled={busy}>
          {t('classroom.createButton')}
        </button>
      </form>
      <Notice message={message} />
      <LoadStatus state={classes} what={t('classroom.what')} onRetry={() => void refresh()}>
        {(list: TaughtClass[]) => {
          const open = list.find((c) => c.id === selected);
          return (
            <>
              {list.length === 0 ? (
                <p className="empty">{t('classroom.none')}</p>
              ) : (
                <ul className="class-list" aria-label={t('classroom.yourClasses')}>
                  {list.map((c) => (
                    <li key={c.id}>
                      <button
                        type="button"
                        aria-pressed={c.id === selected}
                        onClick={() => setSelected(c.id === selected ? undefined : c.id)}
                      >
                        <span className="class-name">{c.name}</span>
                        <span className="status">{t('classroom.members', { count: c.memberCount })}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {open && <ClassDetailPanel session={session} taught={open} onChanged={() => void refresh()} />}
            </>
          );
        }}
      </LoadStatus>
    </section>
  );
}
