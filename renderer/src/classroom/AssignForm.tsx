import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import type { Assignment } from '../../../common/contract/assignments.js';
import type { ModuleDetail } from '../../../common/contract/content.js';
import { useCatalog } from '../catalog-store.js';
import { learn } from '../learn.js';
import { DateField } from '../components/DateField.js';
import { Notice } from '../components/Notice.js';
import { useLoad } from '../use-load.js';
import type { Message } from '../components/Notice.js';

const KINDS = ['lesson', 'exercise', 'quiz'] as const;
type Kind = (typeof KINDS)[number];

/** The end of the picked day in the teacher's zone: "due on the 10th" means by the end of it. */
const endOfLocalDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 23, 59, 59).getTime();
};

/** A teacher picks a lesson, an exercise or a module's quiz from the installed packs, and a due date. */
export function AssignForm({
  session,
  classId,
  onAssigned,
}: {
  session: string;
  classId: string;
  onAssigned: (assignment: Assignment) => void;
}) {
  const { t } = useTranslation();
  const modules = useCatalog((s) => s.modules);
  const loadModules = useCatalog((s) => s.loadModules);
  const [kind, setKind] = useState<Kind>('lesson');
  const [moduleId, setModuleId] = useState('');
  const [itemId, setItemId] = useState('');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  // The years a due date may be in start from this one; read once, not on every render.
  const [today] = useState(() => new Date());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  const hintId = useId();
  const ids = { kind: useId(), module: useId(), item: useId(), title: useId() };

  useEffect(() => {
    if (modules.status === 'loading') void loadModules();
  }, [modules.status, loadModules]);

  const loaded = useLoad(moduleId, () =>
    moduleId ? learn().getModule({ moduleId }) : Promise.resolve<ModuleDetail | undefined>(undefined),
  );
  const detail = loaded.status === 'ready' ? loaded.value : undefined;

  const items =
    kind === 'quiz'
      ? detail && detail.quizItemCount > 0
        ? [{ id: detail.id, title: t('classroom.assign.quizOf', { module: detail.title }) }]
        : []
      : kind === 'lesson'
        ? (detail?.lessons ?? [])
        : (detail?.exercises ?? []);
  const chosen = items.find((item) => item.id === itemId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !detail) return setMessage({ kind: 'error', text: t(`classroom.assign.pickFirst.${kind}`) });
    setBusy(true);
    setMessage(undefined);
    try {
      const assignment = await learn().createAssignment({
        session,
        classId,
        assignment: {
          kind,
          packId: detail.packId,
          itemId: chosen.id,
          title: title.trim() || chosen.title,
          dueAt: due ? endOfLocalDay(due) : null,
        },
      });
      onAssigned(assignment);
      setTitle('');
      setMessage({ kind: 'ok', text: t('classroom.assign.assigned', { title: assignment.title }) });
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const moduleList = modules.status === 'ready' ? modules.value : [];
  return (
    <form className="assign-form" onSubmit={(e) => void submit(e)} aria-label={t('classroom.assign.heading')}>
      <h3>{t('classroom.assign.heading')}</h3>
      {modules.status === 'ready' && moduleList.length === 0 && (
        <p className="status">{t('classroom.assign.noPacks')}</p>
      )}
      <div className="field">
        <label htmlFor={ids.kind}>{t('classroom.assign.what')}</label>
        <select id={ids.kind} value={kind} onChange={(e) => (setKind(e.target.value as Kind), setItemId(''))}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`classroom.assign.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.module}>{t('classroom.assign.module')}</label>
        <select
          id={ids.module}
          value={moduleId}
          onChange={(e) => (setModuleId(e.target.value), setItemId(''))}
          required
        >
          <option value="">{t('classroom.assign.chooseModule')}</option>
          {moduleList.map((m) => (
            <option key={m.id} value={m.id}>
              {m.packTitle}: {m.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.item}>{t(`classroom.assign.kind.${kind}`)}</label>
        <select
          id={ids.item}
          value={itemId}
          onChange={(e) => setItemId(e.target.value)}
          required
          disabled={!detail}
          aria-describedby={detail && items.length === 0 ? hintId : undefined}
        >
          <option value="">{t('classroom.assign.choose')}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
      </div>
      {loaded.status === 'error' && (
        <p className="status-error">{t('classroom.assign.couldNotLoad', { message: loaded.message })}</p>
      )}
      {detail && items.length === 0 && (
        <p className="status" id={hintId}>
          {t(`classroom.assign.noneOfKind.${kind}`)}
        </p>
      )}
      <div className="field">
        <label htmlFor={ids.title}>{t('classroom.assign.title')}</label>
        <input
          id={ids.title}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={chosen?.title ?? ''}
          maxLength={200}
        />
      </div>
      <div className="field">
        <DateField label={t('classroom.assign.due')} value={due} set={setDue} today={today} />
      </div>
      <button type="submit" disabled={busy}>
        {t('classroom.assign.button')}
      </button>
      <Notice message={message} />
    </form>
  );
}
