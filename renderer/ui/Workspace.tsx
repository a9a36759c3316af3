import { useContext, useEffect, useState } from 'react';
import type { MenuCommand } from '../../shared/ipc/contract';
import { I18nContext, type UiLanguage } from '../i18n/translate';
import { isNonAttributed } from '../../shared/model/reading-commands';
import { onDesktopEvent } from '../platform/desktop-events';
import { useConnection, useNegotiation } from '../store/connection-context';
import { useFollow } from '../store/use-follow';
import { usePresence } from '../store/use-presence';
import { CleanTextView } from './CleanTextView';
import { BreakSilenceForm } from './BreakSilenceForm';
import { CompareView } from './CompareView';
import { CompilationView } from './CompilationView';
import { DecisionLogView } from './DecisionLogView';
import { ConnectionBanner } from './ConnectionBanner';
import { FacilitatorBar } from './FacilitatorBar';
import { NewNegotiationDialog } from './NewNegotiation';
import { PresenceBar } from './PresenceBar';
import { RoomView } from './room/RoomView';
import { moveToParagraph, ShortcutsDialog, typingTarget } from './ShortcutsDialog';
import { SilenceBanner } from './SilenceBanner';
import { ExportButton } from './export/ExportButton';
import { TextView } from './TextView';

export type View = 'text' | 'compare' | 'compilation' | 'clean' | 'log' | 'room';
const VIEWS: View[] = ['text', 'compare', 'compilation', 'clean', 'log'];
const MENU_VIEWS: Partial<Record<MenuCommand, View>> = { 'show-text': 'text', 'show-compilation': 'compilation', 'show-clean-text': 'clean' };

/** The negotiating table: who I am, the connection, the views of the text, the room. */
export function Workspace({ onLeave, onSwitch, initialView = 'text' }: { onLeave(): void; /** Joins another negotiation with a token of this server. */ onSwitch(token: string): void; initialView?: View }) {
  const { t, language, setLanguage } = useContext(I18nContext);
  const connection = useConnection();
  const { session, actor } = connection;
  const presence = usePresence(connection.awareness);
  const [view, setView] = useState<View>(initialView);
  const [presenting, setPresenting] = useState(false);
  const [following, setFollowing] = useState(false);
  const [creating, setCreating] = useState(false);
  const followed = useFollow(presence, following && view === 'text');
  const anonymous = useNegotiation((n) => isNonAttributed(n.table));
  const [shortcuts, setShortcuts] = useState(false);
  const [findSignal, setFindSignal] = useState(0);
  const [proposeSignal, setProposeSignal] = useState(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // "?" where it is not a character; Ctrl+/ anywhere, the text included (as in Docs).
      if ((e.key === '?' && !typingTarget(e.target)) || ((e.ctrlKey || e.metaKey) && !e.altKey && e.key === '/')) {
        e.preventDefault();
        setShortcuts(true);
      } else if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        if (moveToParagraph(document.activeElement, e.key === 'ArrowDown' ? 1 : -1)) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The desktop menu's views, New Negotiation, Find and Propose (Join: App; the others: renderer/ui/desktop/DesktopCommands.tsx).
  useEffect(
    () =>
      onDesktopEvent('menu', ({ command }) => {
        const shown = MENU_VIEWS[command];
        if (shown) setView(shown);
        else if (command === 'host-session' && actor.role === 'cofacilitator') setView('room');
        else if (command === 'new-negotiation') setCreating(true);
        else if (command === 'find' || command === 'propose') {
          setView('text');
          (command === 'find' ? setFindSignal : setProposeSignal)((n) => n + 1);
        }
      }),
    [actor.role],
  );

  useEffect(() => {
    connection.awareness.setLocalStateField('role', actor.role);
    connection.awareness.setLocalStateField('name', session.delegation?.name ?? null);
  }, [connection, actor.role, session.delegation]);

  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPresenting(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting]);

  const who = actor.role === 'cofacilitator' ? (session.name ? t('who.cofacilitatorNamed', { name: session.name }) : t('who.cofacilitator')) : t(actor.role === 'observer' ? 'who.observer' : 'who.delegation', { name: session.delegation?.name ?? '' });
  return (
    <div className={`workspace${presenting ? ' presentation' : ''}`}>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      {/* The room's tools (issuing revisions, silence, breaking it) come after every paragraph: hundreds of Tabs away without this. */}
      <a className="skip" href="#side">
        {t('app.skipSide')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <span className="who" data-role={actor.role}>
          {who}
        </span>
        <nav aria-label={t('view.nav')}>
          {(actor.role === 'cofacilitator' ? [...VIEWS, 'room' as const] : VIEWS).map((v) => (
            <button key={v} type="button" aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
              {t(`view.${v}`)}
            </button>
          ))}
          <button type="button" aria-pressed={presenting} onClick={() => setPresenting((p) => !p)}>
            {presenting ? t('view.exitPresentation') : t('view.presentation')}
          </button>
          <button type="button" className="follow" aria-pressed={following} onClick={() => (setFollowing((f) => !f), setView('text'))}>
            {following ? t('follow.stop') : t('follow.button')}
          </button>
        </nav>
        <label className="lang">
          {t('lang.label')}
          <select value={language} onChange={(e) => setLanguage(e.target.value as UiLanguage)}>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </label>
        <ConnectionBanner />
        <ExportButton />
        {actor.role === 'cofacilitator' && (
          <button type="button" className="new-negotiation-open" aria-haspopup="dialog" onClick={() => setCreating(true)}>
            {t('new.open')}
          </button>
        )}
        <button type="button" className="shortcuts-open" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={() => setShortcuts(true)}>
          {t('keys.open')}
        </button>
        <button type="button" className="leave" onClick={onLeave}>
          {t('join.leave')}
        </button>
      </header>
      {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
      {creating && <NewNegotiationDialog httpUrl={session.httpUrl} token={session.token} onCreated={(token) => (setCreating(false), onSwitch(token))} onClose={() => setCreating(false)} />}
      <SilenceBanner />
      {following && !followed && view === 'text' && <p className="banner">{t('follow.none')}</p>}
      {anonymous && <p className="banner reading" role="status">{t('reading.nonAttributedOn')}</p>}
      <div className="layout">
        <main id="main" tabIndex={-1}>
          {view === 'text' && <TextView presence={presence} followed={followed} findSignal={findSignal} proposeSignal={proposeSignal} />}
          {view === 'compare' && <CompareView />}
          {view === 'compilation' && <CompilationView />}
          {view === 'clean' && <CleanTextView />}
          {view === 'log' && <DecisionLogView />}
          {view === 'room' && <RoomView presence={presence} />}
        </main>
        <aside id="side" tabIndex={-1} className="side" aria-label={t('side.label')}>
          <PresenceBar presence={presence} />
          {actor.role === 'cofacilitator' && <FacilitatorBar />}
          {actor.role === 'delegation' && <BreakSilenceForm />}
        </aside>
      </div>
    </div>
  );
}
