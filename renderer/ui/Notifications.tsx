import { useContext, useEffect, useRef, useState } from 'react';
import type { Paragraph } from '../../shared/model/paragraph';
import type { ProposalView } from '../../shared/model/queries';
import { I18nContext } from '../i18n/translate';
import { noticesBetween, stillStanding, type Notice } from './notices';
import { notifySystem, systemNotificationsAvailable, useSystemNotifications } from './system-notifications';

interface Props {
  /** The delegation's id; null for a co-facilitator or an observer (told only of the paragraphs they follow). */
  own: string | null;
  /** The paragraphs this person follows. */
  followed: ReadonlySet<string>;
  byParagraph: ReadonlyMap<string, readonly ProposalView[]>;
  paragraphs: readonly Paragraph[];
  confirmed: ReadonlyMap<string, readonly string[]>;
  labels: ReadonlyMap<string, string>;
  nameOf(id: string): string;
}

const show = (paragraphId: string) => document.querySelector<HTMLElement>(`article[data-paragraph="${CSS.escape(paragraphId)}"]`)?.scrollIntoView({ block: 'center' });

/**
 * Notifications: proposals on the paragraphs followed, and for a delegation proposals and positions on
 * its paragraphs and ad ref awaiting its capital; in the window, and through the system's notifications
 * for those who turn them on.
 */
export function Notifications({ own, followed, byParagraph, paragraphs, confirmed, labels, nameOf }: Props) {
  const { t, language } = useContext(I18nContext);
  const before = useRef<ReadonlyMap<string, readonly ProposalView[]> | null>(null);
  const known = useRef(new Set<string>());
  const [notices, setNotices] = useState<Notice[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const system = useSystemNotifications();
  const toSystem = useRef(system.on);
  toSystem.current = system.on;
  useEffect(() => {
    const fresh = noticesBetween(before.current, byParagraph, { own, followed, paragraphs, confirmed, labelOf: (id) => labels.get(id) ?? id, nameOf, t });
    before.current = byParagraph;
    const added = fresh.filter((n) => !known.current.has(n.id));
    for (const n of added) known.current.add(n.id);
    setNotices((list) => {
      const standing = stillStanding(list, fresh);
      return added.length || standing.length < list.length ? [...standing, ...added] : list;
    });
    if (!added.length) return;
    if (toSystem.current) for (const n of added) notifySystem(n, t('app.title'), language, () => show(n.paragraphId));
  }, [byParagraph, paragraphs, confirmed, labels, own, followed, nameOf, t, language]);
  const shown = notices.filter((n) => !dismissed.has(n.id));
  return (
    <section className="notifications" aria-label={t('notify.region')}>
      {systemNotificationsAvailable() && (
        <label className="inline system-notify">
          <input type="checkbox" checked={system.on} onChange={(e) => void system.setOn(e.target.checked)} />
          {t('notify.system')}
        </label>
      )}
      {system.denied && <p role="alert" className="problem">{t('notify.systemDenied')}</p>}
      <ul aria-live="polite">
        {shown.map((n) => (
          <li key={n.id} data-notice={n.id}>
            <span>{n.text}</span>
            <button type="button" onClick={() => show(n.paragraphId)}>
              {t('notify.show', { label: labels.get(n.paragraphId) ?? '' })}
            </button>
            <button type="button" aria-label={t('notify.dismiss')} onClick={() => setDismissed((d) => new Set([...d, n.id]))}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
