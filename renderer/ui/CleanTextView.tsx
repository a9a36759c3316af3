import { organLineEnd } from '../../shared/model/organ-line';
import { cleanText, openItems, type CleanItem, type CleanText, type OpenItem } from '../../shared/model/clean-text';
import { useT } from '../i18n/translate';
import { useNegotiation } from '../store/connection-context';
import { openItemWords } from './open-item-words';

function Items({ items }: { items: CleanItem[] }) {
  return (
    <ol className="items">
      {items.map((i, n) => (
        <li key={n}>
          <span className="num">{i.label}</span> {i.text}
          {i.items.length > 0 && <Items items={i.items} />}
        </li>
      ))}
    </ol>
  );
}

/** The clean text as it would go to the plenary, live; while it is not clean, the draft with its brackets and what is still open, in the interface's language. */
export function CleanTextView() {
  const t = useT();
  const { clean, open } = useNegotiation((n): { clean: CleanText; open: OpenItem[] } => {
    const open = openItems(n);
    return { clean: cleanText(n, { draft: open.length > 0 }), open };
  });
  const { meta } = clean;
  return (
    <section className="clean" aria-label={t('clean.region')} lang={meta.language}>
      {open.length > 0 && (
        <div className="banner warn" lang="">
          <p>{t('clean.notClean')}</p>
          <ul className="open-items" aria-label={t('clean.openItems')}>
            {open.map((i, n) => (
              <li key={n}>{t('clean.openItem', { label: i.label, what: openItemWords(i, t) })}</li>
            ))}
          </ul>
        </div>
      )}
      {meta.symbol && <p className="symbol">{meta.symbol}</p>}
      {meta.basis && <p className="symbol basis" lang="">{t('text.basis', { symbol: meta.basis })}</p>}
      <h1>{meta.title}</h1>
      {meta.organ && <p className="organ">{meta.organ}{organLineEnd(clean.paragraphs)}</p>}
      {clean.paragraphs.map((p) => {
        const lead = p.lead && p.text.startsWith(p.lead) ? p.lead : null;
        const Tag = p.kind === 'heading' || p.kind === 'annex-title' ? 'h2' : 'p';
        return (
          <div key={p.id} className={`clean-paragraph ${p.kind}`} data-paragraph={p.id}>
            <Tag>
              {p.label && <span className="num">[{p.label}] </span>}
              {p.number && <span className="num">{p.number}. </span>}
              {lead && <i>{lead}</i>}
              {lead ? p.text.slice(lead.length) : p.text}
              {p.footnotes.map((f) => (
                <sup key={f}>{f}</sup>
              ))}
            </Tag>
            {p.items.length > 0 && <Items items={p.items} />}
          </div>
        );
      })}
      {clean.footnotes.length > 0 && (
        <ol className="footnotes">
          {clean.footnotes.map((f) => (
            <li key={f.mark} value={Number(f.mark)}>
              {f.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
