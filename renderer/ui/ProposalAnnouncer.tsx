import { useEffect, useRef, useState } from 'react';
import type { ProposalView } from '../../shared/model/queries';
import { useT } from '../i18n/translate';

/** At most this many proposals are read out at once; more say how many came. */
const SPOKEN = 3;

/**
 * A live region, heard and not seen, that tells a screen reader of each new open proposal on the table
 * by someone else ("Mexico proposes a change to OP2"), without the author in a reading without authors.
 * What was on the table when it loaded is not announced.
 */
export function ProposalAnnouncer({ byParagraph, labels, nameOf, own, anonymous }: { byParagraph: ReadonlyMap<string, readonly ProposalView[]>; labels: ReadonlyMap<string, string>; nameOf(id: string): string; own: string | null; anonymous: boolean }) {
  const t = useT();
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const open = [...byParagraph.values()].flat().filter((v) => v.state === 'open');
    const before = seen.current;
    seen.current = new Set(open.map((v) => v.key));
    if (!before) return;
    const fresh = open.filter((v) => !before.has(v.key) && v.proposal.author !== own);
    if (!fresh.length) return;
    const said = fresh.slice(0, SPOKEN).map((v) => {
      const label = labels.get(v.proposal.paragraphId) ?? '';
      return anonymous ? t('announce.proposalAnonymous', { label }) : t('announce.proposal', { who: nameOf(v.proposal.author), label });
    });
    if (fresh.length > SPOKEN) said.push(t('announce.more', { count: fresh.length - SPOKEN }));
    setMessage(said.join('. '));
  }, [byParagraph, labels, nameOf, own, anonymous, t]);
  return (
    <p className="sr-only" role="status" aria-live="polite" data-announcer="">
      {message}
    </p>
  );
}
