import type { ParagraphKind } from '../../shared/model/paragraph';
import type { Translate } from '../i18n/translate';

const KINDS: readonly string[] = ['preambular', 'operative', 'declaration', 'heading', 'chapeau', 'annex-title'] satisfies ParagraphKind[];

/** How a paragraph without a label (a chapeau, a heading, an annex's title) is named in the interface language. */
export const kindLabel = (t: Translate, kind: ParagraphKind | string): string => (KINDS.includes(kind) ? t(`paragraphKind.${kind as ParagraphKind}`) : kind);
