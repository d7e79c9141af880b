import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { TaughtClass } from '../../../common/contract/classes.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { Notice } from '../components/Notice.js';
import type { Message } from '../components/Notice.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { counted } from '../plural.js';
import { hrefFor } from '../router.js';
import type { LoadState } from '../use-load.js';
import { ClassDetailPanel } from './ClassDetailPanel.js';
import { teaches, useClassroom } from './classroom-store.js';

/** A teacher's classes: create one, open one to see its code, members and assignments. */
export function ClassesScreen() {
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
  useEffect(() => void refresh(), [refresh]);
  const [selected, setSelected] = useState<string>();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();

  if (classroom.status === 'ready' && !teaches(classroom)) {
    return (
      <section aria-labelledby="classes-heading">
        <h1 id="classes-heading">Classes</h1>
        <p className="status">
          {classroom.value.serverUrl === null ? (
            <>
              Classes live on a class server. Sign in to one as a teacher in <a href={hrefFor.settings()}>Settings</a>.
            </>
          ) : (
            'Only teachers manage classes. Ask an admin of your class server to make your account a teacher.'
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
      setMessage({ kind: 'ok', text: `Created ${created.name}: its code is shown below.` });
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="classes-heading" className="classes-screen">
      <h1 id="classes-heading">Classes</h1>
      <form className="create-class" onSubmit={(e) => void create(e)} aria-label="Create a class">
        <label>
          New class name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
        </label>
        <button type="submit" disabled={busy}>
          Create class
        </button>
      </form>
      <Notice message={message} />
      <LoadStatus state={classes} what="your classes" onRetry={() => void refresh()}>
        {(list: TaughtClass[]) => {
          const open = list.find((c) => c.id === selected);
          return (
            <>
              {list.length === 0 ? (
                <p className="empty">You have no classes yet. Create one, then give its code to your learners.</p>
              ) : (
                <ul className="class-list" aria-label="Your classes">
                  {list.map((c) => (
                    <li key={c.id}>
                      <button
                        type="button"
                        aria-pressed={c.id === selected}
                        onClick={() => setSelected(c.id === selected ? undefined : c.id)}
                      >
                        <span className="class-name">{c.name}</span>
                        <span className="status">{counted(c.memberCount, 'member')}</span>
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
