import { memo, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Paragraph } from '../../shared/model/paragraph';
import { confirmAdRef } from '../../shared/model/proposal-commands';
import { authorName, type ProposalView } from '../../shared/model/queries';
import { flatText } from '../../shared/text/rich-text';
import type { MessageKey } from '../i18n/en';
import { I18nContext } from '../i18n/translate';
import { kindLabel } from './kind-label';
import { useConnection } from '../store/connection-context';
import type { FlatSpan } from './editor-plugins';
import { useRun } from './errors';
import { FacilitatorTools, useBracketTools } from './FacilitatorTools';
import { inlineSuggestions } from './inline-suggestions';
import { ParagraphProposals } from './ParagraphProposals';
import { SuggestionCard } from './SuggestionCard';
import { suggestionAt } from './suggestion-plugin';
import { useSuggestTyping } from './use-suggest-typing';
import { bracketKey } from './wording';
import { ParagraphEditor } from './ParagraphEditor';
import type { Changes } from './TextView';
import { ProposalList } from './ProposalList';
import { ProposeForm } from './ProposeForm';
import { isMenuKey } from './SelectionMenu';
import { useSelectionMenu, type MenuProposal } from './use-selection-menu';
import { StatusBadge } from './StatusBadge';
import { StatusControl } from './StatusControl';

interface Props {
  paragraph: Paragraph;
  label: string;
  alternativeOf: string | null;
  views: ProposalView[];
  present: string[];
  confirmedBy: string[];
  textLanguage: string;
  /** The paragraph the co-facilitators are on, when this person follows them. */
  followed?: boolean;
  /** The text is under silence: nobody changes it or suggests in it. */
  underSilence?: boolean;
  /** The paragraph being worked on: it carries the co-facilitators' toolbar. */
  active?: boolean;
  /** The room reads without authors: proposals are shown without the delegations that made them. */
  anonymous?: boolean;
  /** Changed since my last visit, since the last revision. */
  changes?: Changes;
  onActivate?(id: string): void;
  /** Changes each time Propose an Amendment is asked for from the menu while this paragraph is worked on. */
  proposeSignal?: number;
  /** This person is told of new proposals on this paragraph. */
  notifyMe?: boolean;
  onToggleNotify?(id: string): void;
}

/** One paragraph: its label, status, text (a ProseMirror editor), proposals and the actions on it. */
export const ParagraphCard = memo(function ParagraphCard({ paragraph, label, alternativeOf, views, present, confirmedBy, textLanguage, followed = false, underSilence = false, active = false, onActivate, anonymous = false, changes, proposeSignal = 0, notifyMe = false, onToggleNotify }: Props) {
  const { t, language } = useContext(I18nContext);
  const run = useRun();
  const connection = useConnection();
  const { negotiation, actor } = connection;
  const [showProposals, setShowProposals] = useState(false);
  const [form, setForm] = useState<FlatSpan | null | false>(false);
  const [preset, setPreset] = useState<MenuProposal | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const selection = useRef<FlatSpan | null>(null);
  const card = useRef<HTMLElement>(null);
  const nameOf = (id: string): string => negotiation.table.delegation(id)?.name ?? id;
  const open = views.filter((v) => v.state === 'open');
  const isDelegation = actor.role === 'delegation';
  const changeable = paragraph.status.state !== 'agreed' && paragraph.status.state !== 'deleted' && !underSilence;
  const mayWrite = connection.mayWrite({ kind: 'table' }) && changeable;
  const shownLabel = label || kindLabel(t, paragraph.kind);
  const inline = useMemo(
    () => inlineSuggestions(negotiation, paragraph.id, views, (v) => (anonymous ? null : authorName(negotiation, v.proposal)), actor.role === 'delegation' ? actor.delegationId : null),
    [negotiation, paragraph.id, views, actor, anonymous],
  );
  const inlineNow = useRef(inline);
  inlineNow.current = inline;
  const onSuggest = useSuggestTyping(paragraph.id);
  const onSelect = useCallback((span: FlatSpan | null) => {
    selection.current = span;
    const at = span ? suggestionAt(inlineNow.current, span.from, span.to) : null;
    if (at) setPicked(at.key);
  }, []);
  const pickedView = picked ? views.find((v) => v.key === picked && v.state === 'open') : undefined;
  const pickedNow = useRef(pickedView);
  pickedNow.current = pickedView;
  const onFocus = useCallback(() => {
    onActivate?.(paragraph.id);
    if (connection.awareness.getLocalState()?.focus !== paragraph.id) connection.awareness.setLocalStateField('focus', paragraph.id);
  }, [connection, paragraph.id, onActivate]);
  const tools = useBracketTools(paragraph, selection);
  const isFacilitator = actor.role === 'cofacilitator';
  const headingId = `h-${paragraph.id}`;
  const mayPropose = isDelegation && changeable;
  const selectionMenu = useSelectionMenu({
    label: shownLabel,
    flat: () => flatText(negotiation.table.paragraph(paragraph.id)?.text ?? paragraph.text),
    selection,
    mayPropose,
    mayBracket: isFacilitator && mayWrite,
    tools,
    onPropose: (proposal, span) => {
      setPreset(proposal);
      setForm(span);
    },
  });
  const openMenu = useRef(selectionMenu.openAtSelection);
  openMenu.current = selectionMenu.openAtSelection;
  const onKey = useCallback(
    (event: KeyboardEvent): boolean => {
      if (isMenuKey(event)) return openMenu.current();
      // Escape closes the suggestion open at the caret; with none, it leaves the text for the paragraph
      // (Tab then reaches its controls), where ProseMirror would keep the focus.
      if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
        if (pickedNow.current) setPicked(null);
        else card.current?.focus();
        return true;
      }
      const which = isFacilitator ? bracketKey(event) : null;
      if (which) tools[which]();
      return which !== null;
    },
    [isFacilitator, tools],
  );
  const openForm = useCallback(() => {
    setPreset(null);
    setForm(selection.current && selection.current.to > selection.current.from ? selection.current : null);
  }, []);
  // Sent, saved or cancelled, the form gives the focus back to its paragraph (Tab then reaches its controls)
  // rather than leaving it nowhere when it closes.
  const closeForm = useCallback(() => {
    setForm(false);
    card.current?.focus();
  }, []);
  useEffect(() => {
    if (proposeSignal > 0 && mayPropose) openForm();
  }, [proposeSignal]);
  const pendingMine = paragraph.status.state === 'adref' && actor.delegationId !== null && paragraph.status.pending.includes(actor.delegationId) && !confirmedBy.includes(actor.delegationId);

  return (
    <article ref={card} tabIndex={-1} className={`paragraph kind-${paragraph.kind} state-${paragraph.status.state}${views.length > 0 ? ' discussed' : ''}${followed ? ' followed' : ''}`} aria-current={followed ? 'location' : undefined} aria-labelledby={headingId} aria-describedby={`${headingId}-status`} data-paragraph={paragraph.id} data-label={label} onFocus={onFocus} onMouseDown={() => onActivate?.(paragraph.id)} onContextMenu={selectionMenu.onContextMenu}>
      <header className="paragraph-head">
        <h2 id={headingId} className="label">
          {shownLabel}
        </h2>
        <StatusBadge id={`${headingId}-status`} status={paragraph.status} t={t} nameOf={nameOf} language={language} confirmed={confirmedBy} />
        {alternativeOf && <span className="alt-of">{t('para.alternativeOf', { label: alternativeOf })}</span>}
        <button type="button" className="count" aria-expanded={showProposals} onClick={() => setShowProposals((s) => !s)} disabled={views.length === 0}>
          {open.length ? t('para.proposals', { count: open.length }) : t('para.noProposals')}
        </button>
        {changes?.sinceVisit && <span className="changed visit">{t('para.changedSinceVisit')}</span>}
        {changes?.sinceRevision && <span className="changed revision">{t(sinceKey(changes.sinceRevision), { name: changes.sinceRevision.name })}</span>}
        {onToggleNotify && (
          <button type="button" className="notify-me" aria-pressed={notifyMe} aria-label={t('para.notifyOf', { label: shownLabel })} onClick={() => onToggleNotify(paragraph.id)}>
            {notifyMe ? t('para.notifying') : t('para.notify')}
          </button>
        )}
        {present.length > 0 && <span className="present">{t('para.present', { names: present.join(', ') })}</span>}
      </header>
      <ParagraphEditor
        fragment={negotiation.table.textFragment(paragraph.id)}
        mayWrite={mayWrite}
        suggest={isDelegation && changeable}
        label={t('para.editorLabel', { label: shownLabel })}
        lang={textLanguage}
        onSuggest={onSuggest}
        onSelect={onSelect}
        onKey={onKey}
        suggestions={inline}
        onPick={setPicked}
      />
      {pickedView && <SuggestionCard view={pickedView} label={shownLabel} paragraph={paragraph} anonymous={anonymous} onClose={() => setPicked(null)} />}
      <ParagraphProposals views={open} label={shownLabel} onPick={setPicked} anonymous={anonymous} />
      {confirmedBy.length > 0 && <p className="adref-confirmed">{t('adref.confirmed', { names: confirmedBy.map(nameOf).join(', ') })}</p>}
      <div className="paragraph-actions">
        {mayPropose && form === false && (
          <button type="button" onClick={openForm}>
            {t('para.propose')}
          </button>
        )}
        {pendingMine && (
          <button type="button" onClick={() => run(() => (confirmAdRef(negotiation, actor, paragraph.id), true)) && card.current?.focus()}>
            {t('adref.confirm')}
          </button>
        )}
        {isFacilitator && active && (
          <div className="toolbar" role="toolbar" aria-label={t('tools.group', { label: shownLabel })}>
            <StatusControl key={paragraph.status.state} paragraph={paragraph} label={shownLabel} />
            <FacilitatorTools paragraph={paragraph} label={shownLabel} selection={selection} />
          </div>
        )}
      </div>
      {selectionMenu.menu}
      {form !== false && <ProposeForm key={`${preset?.kind ?? ''}-${form?.from ?? ''}-${form?.to ?? ''}`} paragraphId={paragraph.id} label={shownLabel} flat={flatText(paragraph.text)} initial={form} preset={preset} onDone={closeForm} />}
      {showProposals && views.length > 0 && <ProposalList views={views} label={shownLabel} paragraph={paragraph} anonymous={anonymous} />}
    </article>
  );
});

/** "Changed since Rev.2", "New since the zero draft" (whose stored name is in the text's language, not the interface's). */
function sinceKey(since: { number: number; isNew: boolean }): MessageKey {
  if (since.number === 0) return since.isNew ? 'para.newSinceZeroDraft' : 'para.changedSinceZeroDraft';
  return since.isNew ? 'para.newSinceRevision' : 'para.changedSinceRevision';
}
