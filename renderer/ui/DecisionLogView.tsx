import { decisionLog } from '../../shared/model/decision-log';
import { currentLabels } from '../../shared/model/queries';
import { isNonAttributed } from '../../shared/model/reading-commands';
import { verifyRecord } from '../../shared/model/record-check';
import { useContext } from 'react';
import { I18nContext, type Translate } from '../i18n/translate';
import { useNegotiation } from '../store/connection-context';
import { decisionDetail, problemWords } from './decision-detail';
import { formatDateTime } from './format';

/** A log author in the interface language: the server names co-facilitators "co-facilitator (Ireland)". */
export function authorWords(author: string, t: Translate): string {
  return author.startsWith('co-facilitator') ? t('log.cofacilitator') + author.slice('co-facilitator'.length) : author;
}

/**
 * The record: every decision of the co-facilitators as the hash-chained log holds it, oldest first, and
 * whether it verifies here (the chain, and each revision as the one before plus the logged decisions).
 * Read-only: the log is written only by the commands that decide.
 */
export function DecisionLogView() {
  const { t, language } = useContext(I18nContext);
  const { entries, check } = useNegotiation((n) => {
    const labels = currentLabels(n);
    const labelOf = (id: string) => labels.get(id) ?? id;
    const context = { t, language, labelOf, nameOf: (id: string) => n.table.delegation(id)?.name ?? id, anonymous: isNonAttributed(n.table) };
    return {
      check: verifyRecord(n),
      entries: decisionLog(n.table).map((e) => ({ ...e, where: e.paragraph ? labelOf(e.paragraph) : e.proposal, words: decisionDetail(e, context) })),
    };
  }, [t, language]);
  return (
    <section className="decision-log" aria-label={t('log.region')}>
      <p>{t('log.intro')}</p>
      {check.ok ? (
        <p className="banner ok" role="status">
          {t('log.verified', { count: check.entries })}
        </p>
      ) : (
        <p className="banner warn" role="alert">
          {t('log.broken', { problems: check.problems.map((p) => problemWords(p, t)).join('; ') })}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="empty">{t('log.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('log.when')}</th>
              <th scope="col">{t('log.who')}</th>
              <th scope="col">{t('log.what')}</th>
              <th scope="col">{t('log.where')}</th>
              <th scope="col">{t('log.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.hash} data-kind={e.kind}>
                <td>
                  <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>
                </td>
                <td>{authorWords(e.author, t)}</td>
                <td>{t(`log.kind.${e.kind}`)}</td>
                <td>{e.where}</td>
                <td>{e.words}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
