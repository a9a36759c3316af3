import type { RichNodeJSON, RichTextJSON } from '../../shared/text/schema';
import { useT } from '../i18n/translate';

/** The footnote references of paragraphs' texts, in the order the page shows them (body, then sub-items). */
export function footnoteOrder(texts: RichTextJSON[]): string[] {
  const ids: string[] = [];
  const walk = (nodes: RichNodeJSON[] | undefined): void => {
    for (const node of nodes ?? []) {
      if (node.type === 'footnote_ref') ids.push(String(node.attrs?.id ?? ''));
      else walk(node.content);
    }
  };
  for (const t of texts) walk(t.content);
  return ids;
}

/**
 * The footnotes of the text, numbered as the marks in the text are (a CSS counter numbers the marks
 * in the same order), with their bodies from the table document.
 */
export function FootnoteList({ ids, bodies, lang }: { ids: string[]; bodies: Record<string, string>; lang: string }) {
  const t = useT();
  if (ids.length === 0) return null;
  return (
    <section className="footnotes-list" aria-labelledby="footnotes-h">
      <h2 id="footnotes-h">{t('text.footnotes')}</h2>
      <ol lang={lang}>
        {ids.map((id, i) => (
          <li key={`${id}-${i}`} value={i + 1} data-footnote={id}>
            {bodies[id] ?? t('text.footnoteMissing')}
          </li>
        ))}
      </ol>
    </section>
  );
}
