import { useEffect, useRef, useState } from 'react';
import type { Paragraph } from '../../shared/model/paragraph';
import type { ProposalView } from '../../shared/model/queries';
import { useT } from '../i18n/translate';
import { noticesBetween, type Notice } from './notices';

interface Props {
  own: string;
  byParagraph: ReadonlyMap<string, readonly ProposalView[]>;
  paragraphs: readonly Paragraph[];
  confirmed: ReadonlyMap<string, readonly string[]>;
  labels: ReadonlyMap<string, string>;
  nameOf(id: string): string;
}

/** A delegation's notifications: proposals and positions on its paragraphs, ad ref awaiting its capital. */
export function Notifications({ own, byParagraph, paragraphs, confirmed, labels, nameOf }: Props) {
  const t = useT();
  const before = useRef<ReadonlyMap<string, readonly ProposalView[]> | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const fresh = noticesBetween(before.current, byParagraph, { own, paragraphs, confirmed, labelOf: (id) => labels.get(id) ?? id, nameOf, t });
    before.current = byParagraph;
    if (fresh.length) setNotices((list) => [...list, ...fresh.filter((n) => !list.some((m) => m.id === n.id))]);
  }, [byParagraph, paragraphs, confirmed, labels, own, nameOf, t]);
  const shown = notices.filter((n) => !dismissed.has(n.id));
  return (
    <section className="notifications" aria-label={t('notify.region')} aria-live="polite">
      {shown.length > 0 && (
        <ul>
          {shown.map((n) => (
            <li key={n.id} data-notice={n.id}>
              <span>{n.text}</span>
              <button type="button" onClick={() => document.querySelector<HTMLElement>(`article[data-paragraph="${CSS.escape(n.paragraphId)}"]`)?.scrollIntoView({ block: 'center' })}>
                {t('notify.show', { label: labels.get(n.paragraphId) ?? '' })}
              </button>
              <button type="button" aria-label={t('notify.dismiss')} onClick={() => setDismissed((d) => new Set([...d, n.id]))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
