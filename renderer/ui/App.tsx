import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nContext, translator, type UiLanguage } from '../i18n/translate';
import { SessionRefused } from '../session/fetch-session';
import { onDesktopEvent, onDesktopOpen } from '../platform/desktop-events';
import type { PersistenceFactory } from '../platform/document-persistence';
import { resolveSession } from '../platform/resolve-session';
import type { SessionKeeper } from '../platform/session-keeper';
import type { JoinLink } from '../session/join-link';
import { httpUrlOf, type Session } from '../session/session';
import { ConnectionContext } from '../store/connection-context';
import { NegotiationConnection } from '../sync/negotiation-connection';
import { DesktopCommands } from './desktop/DesktopCommands';
import { ErrorProvider } from './errors';
import { JoinDialog, JoinScreen } from './JoinScreen';
import { Workspace } from './Workspace';

const LANGUAGE_KEY = 'penholder.language';

function initialLanguage(): UiLanguage {
  const kept = localStorage.getItem(LANGUAGE_KEY);
  if (kept === 'en' || kept === 'fr') return kept;
  return navigator.language.startsWith('fr') ? 'fr' : 'en';
}

/** This page's own server, when it was served by one (the web edition). */
const pageServer = (): string | null => (location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : null);

interface Props {
  /** Where documents are kept on this computer, chosen at start (renderer/platform). */
  persistence: PersistenceFactory | null;
  /** Where the session is kept between launches (the desktop store or localStorage). */
  sessions: SessionKeeper;
  /** An invitation this page was opened with (`/join?token=…`), if any. */
  initialLink: JoinLink | null;
}

/** The root: the interface language, then joining, then the negotiating table. */
export function App({ persistence, sessions, initialLink }: Props) {
  const [language, setLanguageState] = useState<UiLanguage>(initialLanguage);
  const [session, setSession] = useState<Session | null>(() => (initialLink ? null : sessions.current()));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const i18n = useMemo(() => ({ language, t: translator(language), setLanguage: (l: UiLanguage) => (localStorage.setItem(LANGUAGE_KEY, l), setLanguageState(l)) }), [language]);
  const t = i18n.t;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const join = useCallback(
    async (link: JoinLink) => {
      const httpUrl = link.httpUrl ?? pageServer();
      if (!httpUrl) return setProblem(t('join.badLink'));
      setBusy(true);
      setProblem(null);
      try {
        const s = await resolveSession(httpUrl, link.token);
        sessions.save(s);
        setSession(s);
      } catch (error) {
        const kept = sessions.current();
        if (!(error instanceof SessionRefused) && kept?.token === link.token) setSession(kept);
        else setProblem(error instanceof SessionRefused ? t('join.refused', { reason: error.message }) : t('join.unreachable'));
      } finally {
        setBusy(false);
      }
    },
    [t, sessions],
  );

  useEffect(() => {
    if (!initialLink) return;
    history.replaceState(null, '', './');
    void join(initialLink);
    // Only the link the page was opened with.
  }, [initialLink]);

  // A penholder:// link (or a second launch with one) joins; the desktop's main process sends it.
  // A negotiation opened from a file (or the recent list) without a server: kept here for the menu's commands.
  const [opened, setOpened] = useState<string | null>(null);
  useEffect(
    () =>
      onDesktopOpen((o) => {
        if (o.join) void join({ httpUrl: httpUrlOf(o.join.serverUrl), token: o.join.token });
        else if (o.negotiationId) setOpened(o.negotiationId);
      }),
    [join],
  );

  // File › Join on the desktop: the join screen's field, or a dialog over the negotiation on screen.
  const [joinSignal, setJoinSignal] = useState(0);
  useEffect(() => onDesktopEvent('menu', ({ command }) => command === 'join' && (setProblem(null), setJoinSignal((n) => n + 1))), []);
  const [joinedSignal, setJoinedSignal] = useState(joinSignal);
  const [shownSession, setShownSession] = useState(session);
  if (shownSession !== session) {
    // A negotiation joined: the dialog that asked for it closes.
    setShownSession(session);
    setJoinedSignal(joinSignal);
  }

  const connection = useMemo(() => (session ? new NegotiationConnection(session, persistence, localStorage) : null), [session, persistence]);
  useEffect(() => () => connection?.destroy(), [connection]);

  const leave = useCallback(() => {
    sessions.save(null);
    setSession(null);
  }, [sessions]);

  return (
    <I18nContext.Provider value={i18n}>
      <ErrorProvider>
        <DesktopCommands negotiationId={session?.negotiationId ?? opened} opened={session ? null : opened} />
        {connection ? (
          <ConnectionContext.Provider value={connection}>
            <Workspace key={connection.session.negotiationId} onLeave={leave} onSwitch={(token) => void join({ httpUrl: session?.httpUrl ?? null, token })} />
          </ConnectionContext.Provider>
        ) : (
          <JoinScreen onJoin={(l) => void join(l)} busy={busy} problem={problem} focusSignal={joinSignal} />
        )}
        {connection && joinSignal > joinedSignal && <JoinDialog onJoin={(l) => void join(l)} busy={busy} problem={problem} focusSignal={joinSignal} onClose={() => setJoinedSignal(joinSignal)} />}
      </ErrorProvider>
    </I18nContext.Provider>
  );
}
