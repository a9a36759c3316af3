import { useId, useState } from 'react';
import type { OpenItem } from '../../shared/model/open-item';
import { textOpenItems } from '../../shared/model/paragraph-rules';
import { openSilence } from '../../shared/model/silence-commands';
import { useT, type Translate } from '../i18n/translate';
import { openItemWords } from './open-item-words';
import { useConnection } from '../store/connection-context';
import { dateTimeISO, NO_DATE_TIME } from './date-time';
import { DateTimeField } from './DateTimeField';
import { useRun } from './errors';

/** Open items by paragraph label, in the order of the text (items in no paragraph last), said in the interface's language. */
function byParagraph(items: OpenItem[], order: string[], t: Translate): [string, string[]][] {
  const at = (i: OpenItem): number => (i.paragraphId ? order.indexOf(i.paragraphId) : order.length);
  const groups = new Map<string, string[]>();
  for (const i of [...items].sort((a, b) => at(a) - at(b))) groups.set(i.label, [...(groups.get(i.label) ?? []), openItemWords(i, t)]);
  return [...groups];
}

/**
 * Puts the text under silence. On a text that is not clean, it first lists what is open (brackets,
 * alternatives, open proposals, pending ad ref) by paragraph and asks the co-facilitator to confirm that
 * these stay open: silence then adopts none of those paragraphs. The model (and the server) refuse
 * silence on open items that were not confirmed, whatever this form does.
 */
export function SilenceOpenForm({ onOpened }: { /** Called once the text is under silence (this form then goes). */ onOpened?(): void } = {}) {
  const t = useT();
  const run = useRun();
  const id = useId();
  const { negotiation, actor } = useConnection();
  const [deadline, setDeadline] = useState(NO_DATE_TIME);
  const [asked, setAsked] = useState<{ deadline: string; items: OpenItem[] } | null>(null);
  const open = (until: string, keepOpen: boolean): void => {
    if (!run(() => openSilence(negotiation, actor, until, undefined, { keepOpen }))) return;
    setAsked(null);
    onOpened?.();
  };
  return (
    <form
      className="silence-open"
      onSubmit={(e) => {
        e.preventDefault();
        const until = dateTimeISO(deadline) ?? '';
        const items = textOpenItems(negotiation);
        if (items.length === 0) open(until, false);
        else setAsked({ deadline: until, items });
      }}
    >
      <DateTimeField label={t('fac.silence')} value={deadline} onChange={(v) => (setDeadline(v), setAsked(null))} required />
      <button type="submit">{t('fac.openSilence')}</button>
      {asked && (
        <div className="silence-confirm" role="alertdialog" aria-labelledby={`${id}-h`} aria-describedby={`${id}-q`} onKeyDown={(e) => e.key === 'Escape' && setAsked(null)}>
          <h3 id={`${id}-h`}>{t('silence.notClean')}</h3>
          <ul>
            {byParagraph(asked.items, negotiation.table.order(), t).map(([label, reasons]) => (
              <li key={label} data-label={label}>
                <strong>{label}</strong>: {reasons.join('; ')}
              </li>
            ))}
          </ul>
          <p id={`${id}-q`}>{t('silence.keepOpenQuestion')}</p>
          <button type="button" autoFocus onClick={() => open(asked.deadline, true)}>
            {t('silence.keepOpenConfirm')}
          </button>
          <button type="button" onClick={() => setAsked(null)}>
            {t('silence.settleFirst')}
          </button>
        </div>
      )}
    </form>
  );
}
