import { isShown } from '../../shared/model/labels';
import { currentLabels } from '../../shared/model/queries';
import { useT } from '../i18n/translate';
import { kindLabel } from './kind-label';
import { useNegotiation } from '../store/connection-context';

/** Where a paragraph should go: after which other paragraph (or to the start), by working label. */
export function MoveTarget({ paragraphId, value, onChange }: { paragraphId: string; value: string; onChange(id: string): void }) {
  const t = useT();
  const others = useNegotiation(
    (n) => {
      const labels = currentLabels(n);
      const epoch = n.table.epoch();
      return n.table
        .paragraphs()
        .filter((p) => p.id !== paragraphId && isShown(p, epoch) && p.status.state !== 'deleted')
        .map((p) => ({ id: p.id, label: labels.get(p.id) || kindLabel(t, p.kind) }));
    },
    [paragraphId, t],
  );
  return (
    <label>
      {t('propose.moveAfter')}
      <select name="moveAfter" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('tools.moveStart')}</option>
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}
