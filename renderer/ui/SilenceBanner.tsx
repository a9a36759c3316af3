import { useContext } from 'react';
import { silenceObjections } from '../../shared/model/silence-commands';
import { I18nContext } from '../i18n/translate';
import { useNegotiation } from '../store/connection-context';
import { deadlineWords } from './StatusBadge';

/**
 * The silence procedure as everyone sees it above the text: under silence until its deadline; broken, and
 * by whom, as soon as a delegation objects (the co-facilitators then close it); passed, broken or withdrawn.
 */
export function SilenceBanner() {
  const { t, language } = useContext(I18nContext);
  const { silence, objectors } = useNegotiation((n) => {
    const silence = n.table.silence();
    const objectors = silence.state === 'open' ? silenceObjections(n, silence.id).map((o) => n.table.delegation(o.delegationId)?.name ?? o.delegationId) : [];
    return { silence, objectors: objectors.join(', ') };
  });
  if (silence.state === 'open') {
    const deadline = deadlineWords(silence.deadline, language);
    return (
      <p className={`banner silence${objectors ? ' warn' : ''}`} role="status">
        {objectors ? t('silence.brokenOpen', { names: objectors, deadline }) : t('silence.open', { deadline })}
      </p>
    );
  }
  if (silence.state === 'passed') return <p className="banner ok">{t('silence.passed')}</p>;
  if (silence.state === 'broken') return <p className="banner warn">{t('silence.broken')}</p>;
  if (silence.state === 'withdrawn') return <p className="banner warn">{t('silence.withdrawn')}</p>;
  return null;
}
