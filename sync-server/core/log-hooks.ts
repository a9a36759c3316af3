import type { Logger } from 'pino';
import type { ServerHooks } from './server-hooks';

/** Structured logs of connections and bad clients, with the identity behind them. */
export function logHooks(logger: Logger): ServerHooks {
  return {
    onConnect: ({ documentName, identity, readOnly }) =>
      logger.info({ doc: documentName, role: identity.actor.role, delegation: identity.actor.delegationId, invitation: identity.invitationId, readOnly }, 'connected'),
    onDisconnect: ({ documentName, identity, code, reason }) =>
      logger.info({ doc: documentName, delegation: identity?.actor.delegationId, invitation: identity?.invitationId, code, reason }, 'disconnected'),
    onBadClient: ({ documentName, identity, code, reason }) =>
      logger.warn({ doc: documentName, delegation: identity?.actor.delegationId, invitation: identity?.invitationId, code, reason }, 'closed a misbehaving connection'),
    onLoadDocument: ({ documentName }) => logger.debug({ doc: documentName }, 'document loaded'),
    onUnloadDocument: ({ documentName }) => logger.debug({ doc: documentName }, 'document unloaded'),
  };
}
