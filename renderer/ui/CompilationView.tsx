import { useState } from 'react';
import { InlineCompilationView } from './compilation/InlineCompilationView';
import { compilation } from '../../shared/model/compilation';
import { useT } from '../i18n/translate';
import { kindLabel } from './kind-label';
import { useNegotiation } from '../store/connection-context';

/** The compilation text in either form: a table per paragraph, or proposals inline at their place (as read in the room). */
export function CompilationView() {
  const t = useT();
  const [layout, setLayout] = useState<'inline' | 'table'>('table');
  return (
    <>
      <fieldset className="compilation-layout">
        <legend>{t('compilation.layout')}</legend>
        {(['table', 'inline'] as const).map((l) => (
          <label key={l}>
            <input type="radio" name="compilation-layout" value={l} checked={layout === l} onChange={() => setLayout(l)} />
            {t(`compilation.${l}`)}
          </label>
        ))}
      </fieldset>
      {layout === 'inline' ? <InlineCompilationView /> : <CompilationTable />}
    </>
  );
}

/** The compilation text, live, as a table: every paragraph with every proposal, its authors, supporters and decision. */
function CompilationTable() {
  const t = useT();
  const { paragraphs, language } = useNegotiation((n) => ({ paragraphs: compilation(n), language: n.table.meta().language }));
  return (
    <section className="compilation" aria-label={t('compilation.region')}>
      {paragraphs.map((p) => (
        <section key={p.id} className="compiled">
          <h2>{p.label || kindLabel(t, p.kind)}</h2>
          <p lang={language}>{p.text}</p>
          {p.proposals.length > 0 && (
            <table>
              <tbody>
                {p.proposals.map((x) => (
                  <tr key={x.key} className={`state-${x.state}`}>
                    <th scope="row">{x.author}</th>
                    <td lang={language}>
                      {x.wording.map((w, i) => (w.op === 'insert' ? <ins key={i}>{w.text}</ins> : w.op === 'delete' ? <del key={i}>{w.text}</del> : <span key={i}>{w.text}</span>))}
                    </td>
                    <td>
                      {x.supporters.length > 0 && <div>{t('proposal.supportedBy', { names: x.supporters.join(', ') })}</div>}
                      {x.opponents.length > 0 && <div>{t('proposal.opposedBy', { names: x.opponents.join(', ') })}</div>}
                      {x.reservations.length > 0 && <div>{t('proposal.reservedBy', { names: x.reservations.join(', ') })}</div>}
                      {x.pendingInstructions.length > 0 && <div>{t('proposal.pendingBy', { names: x.pendingInstructions.join(', ') })}</div>}
                      <div>{t(`proposal.state.${x.state}`)}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </section>
  );
}
