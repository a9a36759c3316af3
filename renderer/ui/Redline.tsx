import type { DiffPart } from '../../shared/text/word-diff';

/** A word diff as a redline: deleted words struck through, inserted words underlined. */
export function Redline({ parts, lang }: { parts: DiffPart[]; lang: string }) {
  return (
    <p className="redline" lang={lang}>
      {parts.map((p, i) => (p.op === 'insert' ? <ins key={i}>{p.text}</ins> : p.op === 'delete' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
    </p>
  );
}
