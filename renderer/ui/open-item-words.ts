import type { OpenItem } from '../../shared/model/open-item';
import type { Translate } from '../i18n/translate';

/** What keeps a paragraph open, in the interface's language (the model words it in the text's). */
export function openItemWords(item: OpenItem, t: Translate): string {
  if (item.kind === 'brackets' && item.count !== undefined) return t('open.brackets', { count: item.count });
  if (item.kind === 'alternative' && item.names === undefined) return t('open.alternative');
  if (item.kind === 'proposal' && item.names) return t('open.proposal', { name: item.names.join(', ') });
  if (item.kind === 'adref' && item.names) return t('open.adref', { names: item.names.join(', ') });
  return item.reason;
}
