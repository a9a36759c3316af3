import { submitDraft } from '../../shared/model/proposal-commands';
import { currentLabels } from '../../shared/model/queries';
import { flatText } from '../../shared/text/rich-text';
import { useT } from '../i18n/translate';
import { useConnection, useNegotiation } from '../store/connection-context';
import { useRun } from './errors';

/** A delegation's private drafts: seen only by it, until it submits them. */
export function DraftList() {
  const t = useT();
  const run = useRun();
  const { negotiation, actor } = useConnection();
  const own = actor.delegationId!;
  const { drafts, labels } = useNegotiation((n) => ({ drafts: n.private(own).drafts(), labels: currentLabels(n) }));
  if (drafts.length === 0) return null;
  return (
    <section className="drafts" aria-labelledby="drafts-h">
      <h2 id="drafts-h">{t('drafts.heading')}</h2>
      <ul>
        {drafts.map((d) => (
          <li key={d.id} data-draft={d.id}>
            <strong>{labels.get(d.paragraphId) ?? d.paragraphId}</strong> · {t(`proposal.kind.${d.kind}`)}: {d.anchor?.quote && <del>{d.anchor.quote}</del>} {d.text && <ins>{d.text}</ins>}
            {d.paragraph && <ins>{flatText(d.paragraph)}</ins>}{' '}
            <button type="button" onClick={() => run(() => submitDraft(negotiation, actor, d.id))}>
              {t('drafts.submit')}
            </button>
            <button type="button" onClick={() => negotiation.private(own).draftsMap.delete(d.id)}>
              {t('drafts.discard')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
