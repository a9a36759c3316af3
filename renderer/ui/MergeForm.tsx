import { useState, type FormEvent } from 'react';
import { merge } from '../../shared/model/facilitator-commands';
import type { Paragraph } from '../../shared/model/paragraph';
import { useT } from '../i18n/translate';
import { useConnection } from '../store/connection-context';
import { useRun } from './errors';
import { bodyWords, rewordBody } from './wording';

/**
 * The co-facilitators merge several proposals into their own wording of a paragraph: the text box
 * starts from the paragraph's words; each proposal is recorded as merged into it.
 */
export function MergeForm({ paragraph, label, keys, onDone }: { paragraph: Paragraph; label: string; keys: string[]; onDone(): void }) {
  const t = useT();
  const run = useRun();
  const { negotiation, actor } = useConnection();
  const [wording, setWording] = useState(() => bodyWords(paragraph.text));
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (run(() => (merge(negotiation, actor, keys, paragraph.id, rewordBody(paragraph.text, wording.trim()), note.trim() || null), true))) onDone();
  };
  return (
    <form className="tool-form merge" onSubmit={submit} aria-label={t('merge.heading', { count: keys.length })}>
      <h3>{t('merge.heading', { count: keys.length })}</h3>
      <label>
        {t('merge.wording', { label })}
        <textarea value={wording} onChange={(e) => setWording(e.target.value)} rows={3} required />
      </label>
      <label>
        {t('merge.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        {t('merge.submit')}
      </button>
    </form>
  );
}
