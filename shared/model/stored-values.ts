import type { AdRefConfirmation, SilenceObjection } from './delegation-document';
import { isSpanKind, PROPOSAL_KINDS, type Position, type Proposal, type ProposalKind, type Stance } from './proposal';
import type { Delegation } from './roster';

/*
 * A delegation document is written by that delegation's own client, which the others cannot trust to be
 * well-formed: a buggy or hostile client may store anything. Every value read from one passes these
 * checks, so that one bad entry hides itself rather than breaking the text for everyone.
 */

const STANCES: Stance[] = ['support', 'oppose', 'reserve', 'pending-instructions'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** A well-formed proposal. */
export function isProposal(v: unknown): v is Proposal {
  if (!isRecord(v)) return false;
  const spanKind = isSpanKind(v.kind as ProposalKind);
  const anchor = v.anchor;
  const anchorOk = spanKind ? isRecord(anchor) && isText(anchor.quote) && isRecord(anchor.start) && isRecord(anchor.end) : anchor === null || anchor === undefined;
  const paragraphOk = v.paragraph === null || v.paragraph === undefined || (isRecord(v.paragraph) && v.paragraph.type === 'doc' && Array.isArray(v.paragraph.content));
  return (
    isText(v.id) && PROPOSAL_KINDS.includes(v.kind as ProposalKind) && isText(v.author) && isTextOrNull(v.onBehalfOf ?? null) && isText(v.paragraphId) &&
    anchorOk && paragraphOk && isTextOrNull(v.text ?? null) && isTextOrNull(v.moveAfter ?? null) && isTextOrNull(v.rationale ?? null) &&
    isTextOrNull(v.source ?? null) && isText(v.createdAt) && typeof v.withdrawn === 'boolean'
  );
}

/** A well-formed position. */
export function isPosition(v: unknown): v is Position {
  return isRecord(v) && STANCES.includes(v.stance as Stance) && isText(v.at) && isTextOrNull(v.note ?? null);
}

/** A well-formed ad ref confirmation. */
export function isAdRefConfirmation(v: unknown): v is AdRefConfirmation {
  return isRecord(v) && isText(v.confirmedAt);
}

/** A well-formed silence objection. */
export function isSilenceObjection(v: unknown): v is SilenceObjection {
  return isRecord(v) && Array.isArray(v.paragraphs) && v.paragraphs.every(isText) && isText(v.reason) && isText(v.at);
}

/** Reads a roster entry by id. */
export type RosterLookup = (id: string) => Delegation | null;

/**
 * A proposal as its readers may show it: "on behalf of" a group only when the roster names its author as
 * that group's chair (otherwise it is the author's own), and never attributed to anyone but `owner`, the
 * delegation whose document holds it. Null when it is not a proposal, or names another author.
 */
export function readProposal(v: unknown, owner: string, roster: RosterLookup): Proposal | null {
  if (!isProposal(v) || v.author !== owner) return null;
  if (!v.onBehalfOf) return v;
  const group = roster(v.onBehalfOf);
  return group?.kind === 'group' && group.chair === owner ? v : { ...v, onBehalfOf: null };
}
