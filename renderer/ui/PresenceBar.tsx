import { useT } from '../i18n/translate';
import { useDeferredNegotiation } from '../store/connection-context';
import { tableReader } from '../store/table-reader';
import type { Presence } from '../store/use-presence';

/** Who is in the room: delegations by name, co-facilitators as such (by name when they have one), and the paragraph each is on. */
export function PresenceBar({ presence }: { presence: Presence[] }) {
  const t = useT();
  const labels = useDeferredNegotiation((n) => tableReader(n.table).labels());
  const others = presence.filter((p) => !p.self);
  return (
    <section className="presence" aria-labelledby="presence-h">
      <h2 id="presence-h">{t('presence.heading')}</h2>
      {others.length === 0 ? (
        <p>{t('presence.none')}</p>
      ) : (
        <ul>
          {others.map((p) => (
            <li key={p.clientId} className={`person role-${p.role}`}>
              {p.role === 'cofacilitator' ? <strong>{p.cofacilitatorName ? t('who.cofacilitatorNamed', { name: p.cofacilitatorName }) : t('who.cofacilitator')}</strong> : p.name}
              {p.focus && labels.get(p.focus) && <span className="where"> · {t('presence.on', { label: labels.get(p.focus)! })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
