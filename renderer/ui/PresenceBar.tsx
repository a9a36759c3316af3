import { useT } from '../i18n/translate';
import type { Presence } from '../store/use-presence';

/** Who is in the room: delegations by name, co-facilitators as such. */
export function PresenceBar({ presence }: { presence: Presence[] }) {
  const t = useT();
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
              {p.role === 'cofacilitator' ? t('who.cofacilitator') : p.name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
