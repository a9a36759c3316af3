import { silenceObjections } from '../../shared/model/silence-commands';
import { currentLabels } from '../../shared/model/queries';
import { useContext } from 'react';
import { I18nContext } from '../i18n/translate';
import { formatDateTime } from './format';
import { useNegotiation } from '../store/connection-context';

/** The objections received under the current silence procedure, live as delegations send them. */
export function SilenceObjections() {
  const { t, language } = useContext(I18nContext);
  const { objections } = useNegotiation((n) => {
    const silence = n.table.silence();
    if (silence.state === 'none') return { objections: [] };
    const labels = currentLabels(n);
    return {
      objections: silenceObjections(n, silence.id).map((o) => ({
        ...o,
        name: n.table.delegation(o.delegationId)?.name ?? o.delegationId,
        labels: o.paragraphs.map((id) => labels.get(id) || id),
      })),
    };
  });
  return (
    <div className="objections" aria-live="polite">
      <p>
        <strong>{t('silence.objections', { count: objections.length })}</strong>
      </p>
      {objections.length > 0 && (
        <ul>
          {objections.map((o) => (
            <li key={o.delegationId} className="objection" data-delegation={o.delegationId}>
              <strong>{o.name}</strong> · {o.labels.join(', ')} · <time dateTime={o.at}>{formatDateTime(o.at, language)}</time>
              <p className="reason">{o.reason}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
