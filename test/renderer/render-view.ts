import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Awareness } from 'y-protocols/awareness';
import type { Actor } from '../../shared/model/actor';
import { documentRights } from '../../shared/model/document-rights';
import type { Negotiation } from '../../shared/model/negotiation';
import { I18nContext, translator, type UiLanguage } from '../../renderer/i18n/translate';
import { ConnectionContext } from '../../renderer/store/connection-context';
import type { NegotiationConnection } from '../../renderer/sync/negotiation-connection';
import { ParagraphCard } from '../../renderer/ui/ParagraphCard';

/** Renders a view as a person of the negotiation would see it, without a server: the model is the same. */
export function render(negotiation: Negotiation, actor: Actor, view: ReactNode, language: UiLanguage = 'en'): string {
  const connection = {
    negotiation,
    actor,
    session: { delegation: actor.delegationId ? { id: actor.delegationId, name: actor.delegationId } : null },
    awareness: new Awareness(negotiation.table.doc),
    subscribe: () => () => undefined,
    version: () => 0,
    mayWrite: (ref: Parameters<typeof documentRights>[1]) => documentRights(actor, ref).write,
  } as unknown as NegotiationConnection;
  const i18n = { language, t: translator(language), setLanguage: () => undefined };
  return renderToStaticMarkup(createElement(I18nContext.Provider, { value: i18n }, createElement(ConnectionContext.Provider, { value: connection }, view)));
}

/** One paragraph's card as the paragraph being worked on (the one with the co-facilitators' toolbar). */
export function activeCard(negotiation: Negotiation, id: string, label: string, confirmedBy: string[] = []): ReactNode {
  return createElement(ParagraphCard, { paragraph: negotiation.table.paragraph(id)!, label, alternativeOf: null, views: [], present: [], confirmedBy, textLanguage: 'en', active: true });
}
