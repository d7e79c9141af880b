import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import { learn } from '../learn.js';
import { Notice } from '../components/Notice.js';
import type { Message } from '../components/Notice.js';
import { useClassroom } from './classroom-store.js';

/** A learner types the code their teacher gave (any case, with or without the dash). */
export function JoinClassForm({ session }: { session: string }) {
  const { t } = useTranslation();
  const setClassroom = useClassroom((s) => s.set);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();

  const join = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      const before = useClassroom.getState().classroom;
      const known = new Set(before.status === 'ready' ? before.value.classes.map((c) => c.id) : []);
      const classroom = await learn().joinClass({ session, joinCode: code });
      setClassroom(session, classroom);
      const joined = classroom.classes.find((c) => !known.has(c.id));
      setCode('');
      setMessage({
        kind: 'ok',
        text: joined ? t('classroom.join.joined', { name: joined.name }) : t('classroom.join.already'),
      });
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="join-class" onSubmit={(e) => void join(e)} aria-label={t('classroom.join.form')}>
      <label>
        {t('classroom.join.code')}
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="ABCD-2345"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          required
        />
      </label>
      <button type="submit" disabled={busy}>
        {t('classroom.join.button')}
      </button>
      <Notice message={message} />
    </form>
  );
}
