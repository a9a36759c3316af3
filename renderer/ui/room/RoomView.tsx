import { useState } from 'react';
import type { Role } from '../../../shared/model/actor';
import { rosterCode } from '../../../shared/model/roster';
import { useT } from '../../i18n/translate';
import { SessionRefused } from '../../session/fetch-session';
import { useConnection, useNegotiation } from '../../store/connection-context';
import { isActive, useInvitations, type IssuedInvitation } from '../../store/use-invitations';
import type { Presence } from '../../store/use-presence';
import { hostsSession, useHostStatus } from '../desktop/use-host-status';
import { HostingSection } from './HostingSection';
import { InvitationRow } from './InvitationRow';
import { InviteForm } from './InviteForm';
import { RosterCode } from './RosterCode';
import { HostedLinks } from './HostedLinks';
import { appJoinLink, hostedWebJoinLink, JoinLinkCard, webJoinLink } from './JoinLinkCard';

/**
 * The co-facilitators' room: the roster with who is invited, who is present now and who has device
 * links; invite a delegation (its join link, copied or read as a QR code); revoke an invitation (the
 * server closes its connections). The invitations live on the server; the roster in the table document.
 * On the desktop, hosting this negotiation on the room's network is a section of it; in a session hosted
 * here, each invitation has the app's link, pinned to the session's certificate, and a browser's.
 */
export function RoomView({ presence }: { presence: Presence[] }) {
  const t = useT();
  const { session } = useConnection();
  const roster = useNegotiation((n) => n.table.roster());
  const invitations = useInvitations(session);
  const hosting = useHostStatus();
  const hosted = hostsSession(hosting, session.wsUrl) ? hosting : null;
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const words = (error: unknown): string => (error instanceof SessionRefused ? t('room.refused', { reason: error.message }) : t('room.unreachable'));
  const attempt = async <T,>(action: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setProblem(null);
    try {
      return await action();
    } catch (error) {
      setProblem(words(error));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const invite = async (input: { name: string; role: Role; expires: string | null }) => {
    const done = await attempt(() => invitations.invite(input));
    if (done) setIssued(done);
    return done !== null;
  };
  const revoke = async (id: string) => (await attempt(() => invitations.revoke(id).then(() => true))) === true;

  const list = invitations.list ?? [];
  const present = (delegationId: string) => presence.filter((p) => !p.self && p.delegationId === delegationId).length;
  const cofacilitatorsPresent = presence.filter((p) => p.role === 'cofacilitator').length;
  const nameOf = (delegationId: string | null) => roster.find((d) => d.id === delegationId)?.name ?? null;

  return (
    <section className="room" aria-labelledby="room-h">
      <h2 id="room-h">{t('room.heading')}</h2>
      <p>{t('room.cofacilitatorsPresent', { count: cofacilitatorsPresent })}</p>
      {hosting && <HostingSection status={hosting} negotiationId={session.negotiationId} wsUrl={session.wsUrl} />}
      <div className="room-invite">
        <InviteForm onInvite={invite} busy={busy} />
        {issued && (
          <div className="issued" role="region" aria-label={t('room.issued', { name: issued.delegation?.name ?? '' })}>
            <p role="status">{t('room.issued', { name: issued.delegation?.name ?? '' })}</p>
            {hosted ? (
              <HostedLinks name={issued.delegation?.name ?? ''} appLink={appJoinLink(hosted.wsUrl, issued.token, hosted.fingerprint)} browserLink={hostedWebJoinLink(hosted.httpUrl, issued.token, hosted.fingerprint)} certificateSha256={hosted.certificateSha256} />
            ) : (
              <JoinLinkCard name={issued.delegation?.name ?? ''} link={webJoinLink(session.httpUrl, issued.token)} />
            )}
            <button type="button" onClick={() => setIssued(null)}>
              {t('room.issuedDone')}
            </button>
          </div>
        )}
      </div>
      <p role="alert" className="problem">
        {problem ?? (invitations.problem ? words(invitations.problem.error) : '')}
      </p>
      <table className="roster">
        <caption>{t('room.roster')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('room.col.delegation')}</th>
            <th scope="col">{t('room.col.code')}</th>
            <th scope="col">{t('room.col.present')}</th>
            <th scope="col">{t('room.col.invitations')}</th>
            <th scope="col">{t('room.col.deviceLinks')}</th>
            <th scope="col">{t('room.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {roster.map((d) => {
            const mine = list.filter((i) => i.delegation?.id === d.id && isActive(i));
            const here = present(d.id);
            return (
              <tr key={d.id} data-delegation={d.id}>
                <th scope="row">
                  {d.name}
                  {(d.kind === 'observer' || d.kind === 'group') && <span className="kind"> · {d.kind === 'group' && d.chair ? t('room.kind.groupChaired', { name: roster.find((c) => c.id === d.chair)?.name ?? d.chair }) : t(`room.kind.${d.kind}`)}</span>}
                </th>
                <td className={rosterCode(d) ? 'code' : 'code none'}>
                  <RosterCode delegation={d} />
                </td>
                <td className={here > 0 ? 'present' : 'absent'}>{here > 0 ? t('room.presentNow', { count: here }) : t('room.absent')}</td>
                <td>{invitations.list ? t('room.activeInvitations', { count: mine.filter((i) => !i.issuedBy).length }) : '…'}</td>
                <td>{invitations.list ? t('room.deviceLinks', { count: mine.filter((i) => i.issuedBy).length }) : '…'}</td>
                <td>
                  {d.kind !== 'group' && (
                    <button type="button" disabled={busy} aria-label={t('room.newLinkFor', { name: d.name })} onClick={() => void invite({ name: d.name, role: d.kind === 'observer' ? 'observer' : 'delegation', expires: null })}>
                      {t('room.newLink')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="invitations">
        <caption>{t('room.invitations')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('room.col.who')}</th>
            <th scope="col">{t('room.col.role')}</th>
            <th scope="col">{t('room.col.issuedBy')}</th>
            <th scope="col">{t('room.col.created')}</th>
            <th scope="col">{t('room.col.expires')}</th>
            <th scope="col">{t('room.col.state')}</th>
            <th scope="col">{t('room.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((i) => (
            <InvitationRow key={i.id} invitation={i} issuerName={nameOf(i.issuedBy)} onRevoke={revoke} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
