import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nContext, translator, type UiLanguage } from '../i18n/translate';
import { SessionRefused } from '../session/fetch-session';
import { onDesktopEvent, onDesktopOpen } from '../platform/desktop-events';
import type { PersistenceFactory } from '../platform/document-persistence';
import { resolveSession } from '../platform/resolve-session';
import type { SessionKeeper } from '../platform/session-keeper';
import { parseJoinLink, type JoinLink } from '../session/join-link';
import { httpUrlOf, type Session } from '../session/session';
import { ConnectionContext } from '../store/connection-context';
import { NegotiationConnection } from '../sync/negotiation-connection';
import { DesktopCommands } from './desktop/DesktopCommands';
import { HostingContext, type RunningHost } from './desktop/use-host-status';
import { ErrorProvider } from './errors';
import { JoinDialog, JoinScreen } from './JoinScreen';
import { Workspace, type View } from './Workspace';

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
  /** In a session hosted on this desktop: the session the window was in before. */
  const [hosted, setHosted] = useState<{ before: Session | null } | null>(null);
  /** The view a negotiation opens on: the Room view in and back from a session hosted here. */
  const [startView, setStartView] = useState<View>('text');
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
        setHosted(null);
        setStartView('text');
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

  // A session hosted on this desktop: its co-facilitator's window joins it with the invitation made for
  // it, without keeping it as the session to reopen (it ends when hosting stops), and comes back to the
  // session it was in when hosting stops.
  const current = useRef(session);
  useEffect(() => {
    current.current = session;
  }, [session]);
  const enterHosted = useCallback(async (status: RunningHost) => {
    const own = status.invitations.find((i) => i.role === 'cofacilitator');
    const link = own ? parseJoinLink(own.appLink) : null;
    if (!link?.httpUrl) throw new Error('the hosted session has no co-facilitator invitation');
    const s = await resolveSession(link.httpUrl, link.token);
    setHosted((h) => h ?? { before: current.current });
    setSession(s);
    setStartView('room');
  }, []);
  const hosting = useMemo(() => ({ enter: enterHosted }), [enterHosted]);
  const leaveHosted = useCallback(() => {
    if (!hosted) return false;
    setSession(hosted.before);
    setHosted(null);
    return true;
  }, [hosted]);
  useEffect(() => onDesktopEvent('host', (status) => void (!status.running && leaveHosted())), [leaveHosted]);

  const connection = useMemo(() => (session ? new NegotiationConnection(session, persistence, localStorage) : null), [session, persistence]);
  useEffect(() => () => connection?.destroy(), [connection]);

  const leave = useCallback(() => {
    if (leaveHosted()) return;
    sessions.save(null);
    setSession(null);
  }, [sessions, leaveHosted]);

  return (
    <I18nContext.Provider value={i18n}>
      <HostingContext.Provider value={hosting}>
        <ErrorProvider>
          <DesktopCommands negotiationId={session?.negotiationId ?? opened} opened={session ? null : opened} roomOnScreen={session?.role === 'cofacilitator'} />
          {connection ? (
            <ConnectionContext.Provider value={connection}>
              <Workspace
                key={`${connection.session.wsUrl} ${connection.session.negotiationId}`}
                initialView={startView}
                onLeave={leave}
                onSwitch={(token) => void join({ httpUrl: session?.httpUrl ?? null, token })}
              />
            </ConnectionContext.Provider>
          ) : (
            <JoinScreen onJoin={(l) => void join(l)} busy={busy} problem={problem} focusSignal={joinSignal} />
          )}
          {connection && joinSignal > joinedSignal && <JoinDialog onJoin={(l) => void join(l)} busy={busy} problem={problem} focusSignal={joinSignal} onClose={() => setJoinedSignal(joinSignal)} />}
        </ErrorProvider>
      </HostingContext.Provider>
    </I18nContext.Provider>
  );
}
