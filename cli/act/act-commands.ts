import { cleanText } from '../../shared/model/clean-text';
import { formatCleanText } from '../../shared/model/clean-format';
import { compilation, formatCompilation } from '../../shared/model/compilation';
import { decisionLog } from '../../shared/model/decision-log';
import { verifyRecord } from '../../shared/model/record-check';
import { accept, bracket, notRetain, setStatus, unbracket } from '../../shared/model/facilitator-commands';
import type { Negotiation } from '../../shared/model/negotiation';
import type { Stance } from '../../shared/model/proposal';
import { propose, setPosition } from '../../shared/model/proposal-commands';
import { currentLabels, listProposals } from '../../shared/model/queries';
import { issueRevision } from '../../shared/model/revision-commands';
import { breakSilence, closeSilence, openSilence } from '../../shared/model/silence-commands';
import { CliError } from '../cli-error';
import type { RemoteNegotiation } from './remote-negotiation';
import { formatShown, showNegotiation } from './show-negotiation';
import { locateWords, paragraphByLabel } from './target-text';

/** The options `penholder act` understands, whatever the command. */
export interface ActOptions {
  json?: boolean;
  clean?: boolean;
  compilation?: boolean;
  paragraph?: string;
  words?: string;
  with?: string;
  'on-behalf-of'?: string;
  after?: string;
  text?: string;
  pending?: string;
  until?: string;
  note?: string;
  'keep-open'?: boolean;
  reason?: string;
  verify?: boolean;
}

/** What a command did: printed as JSON with --json, as the line otherwise. */
export interface ActResult {
  json: unknown;
  line: string;
  /** True when it wrote something the server must confirm before the command ends. */
  wrote: boolean;
}

type Handler = (remote: RemoteNegotiation, words: string[], o: ActOptions) => ActResult;

const need = (value: string | undefined, option: string, command: string): string => {
  if (value === undefined || value === '') throw new CliError(`${command} needs ${option}`, 2);
  return value;
};

/** A proposal named by its id as `show` prints it (`mexico/abc123`), or by the part after the slash. */
function proposalKeyOf(negotiation: Negotiation, id: string | undefined, command: string): string {
  const wanted = need(id, 'the proposal ID (as `show` prints it)', command);
  const matches = listProposals(negotiation).filter((v) => v.key === wanted || v.proposal.id === wanted);
  if (matches.length !== 1) throw new CliError(`there is no proposal "${wanted}"; \`show\` lists them with their IDs`, 1);
  return matches[0]!.key;
}

/** A delegation or group on the roster, by id or name. */
function onRoster(negotiation: Negotiation, name: string): string {
  const wanted = name.trim().toLowerCase();
  const group = negotiation.table.roster().find((d) => d.id === wanted || d.name.toLowerCase() === wanted);
  if (!group) throw new CliError(`"${name}" is not on the roster of this negotiation`, 1);
  return group.id;
}

const written = (json: unknown, line: string): ActResult => ({ json, line, wrote: true });

const STANCES: Record<string, Stance> = { support: 'support', oppose: 'oppose', reserve: 'reserve', pending: 'pending-instructions' };

const propose_: Handler = (remote, [kind], o) => {
  const { negotiation, actor } = remote;
  const onBehalfOf = o['on-behalf-of'] ? onRoster(negotiation, o['on-behalf-of']) : null;
  if (kind === 'new') {
    const after = paragraphByLabel(negotiation, need(o.after, '--after LABEL', 'propose new'));
    const p = propose(negotiation, actor, { kind: 'new-paragraph', paragraphId: after, paragraph: need(o.text, '--text "…"', 'propose new'), onBehalfOf });
    return written({ id: `${p.author}/${p.id}` }, `proposed ${p.author}/${p.id}`);
  }
  if (kind !== 'replace' && kind !== 'insert' && kind !== 'delete' && kind !== 'bracket') throw new CliError('propose takes replace, insert, delete, bracket or new', 2);
  const label = need(o.paragraph, '--paragraph LABEL', `propose ${kind}`);
  const paragraphId = paragraphByLabel(negotiation, label);
  const span = locateWords(negotiation, paragraphId, need(o.words, '--words "…"', `propose ${kind}`), label);
  const text = kind === 'delete' || kind === 'bracket' ? undefined : need(o.with, '--with "…"', `propose ${kind}`);
  // An insertion is anchored on the quoted words and goes after them (the model spaces it).
  const p = propose(negotiation, actor, { kind, paragraphId, ...span, ...(text !== undefined ? { text } : {}), onBehalfOf });
  return written({ id: `${p.author}/${p.id}` }, `proposed ${p.author}/${p.id}`);
};

const position: Handler = (remote, [stance, id]) => {
  const s = STANCES[stance ?? ''];
  if (!s) throw new CliError('position takes support, oppose, reserve or pending, then the proposal ID', 2);
  const key = proposalKeyOf(remote.negotiation, id, 'position');
  setPosition(remote.negotiation, remote.actor, key, s);
  return written({ id: key, stance: s }, `${stance} ${key}`);
};

const decide: Handler = (remote, [decision, id]) => {
  if (decision !== 'accept' && decision !== 'not-retain') throw new CliError('decide takes accept or not-retain, then the proposal ID', 2);
  const key = proposalKeyOf(remote.negotiation, id, 'decide');
  if (decision === 'accept') accept(remote.negotiation, remote.actor, key);
  else notRetain(remote.negotiation, remote.actor, key);
  return written({ id: key, decision: decision === 'accept' ? 'accepted' : 'not-retained' }, `${decision === 'accept' ? 'accepted' : 'not retained'}: ${key}`);
};

const brackets =
  (add: boolean): Handler =>
  (remote, _words, o) => {
    const command = add ? 'bracket' : 'unbracket';
    const label = need(o.paragraph, '--paragraph LABEL', command);
    const paragraphId = paragraphByLabel(remote.negotiation, label);
    const words = need(o.words, '--words "…"', command);
    if (add) {
      const span = locateWords(remote.negotiation, paragraphId, words, label);
      bracket(remote.negotiation, remote.actor, paragraphId, span.from, span.to);
    } else {
      // The bracketed words may be quoted with or without their brackets.
      const quoted = words.startsWith('[') ? words : `[${words}]`;
      unbracket(remote.negotiation, remote.actor, paragraphId, locateWords(remote.negotiation, paragraphId, quoted, label).from);
    }
    return written({ paragraph: label }, `${add ? 'bracketed' : 'removed the brackets of'} "${words}" in ${label}`);
  };

const status: Handler = (remote, [label, state], o) => {
  const paragraphId = paragraphByLabel(remote.negotiation, need(label, 'a paragraph LABEL', 'status'));
  if (state === 'open' || state === 'agreed') setStatus(remote.negotiation, remote.actor, paragraphId, { state });
  else if (state === 'ad-ref') {
    const pending = (o.pending ?? '').split(',').map((n) => n.trim()).filter(Boolean).map((n) => onRoster(remote.negotiation, n));
    setStatus(remote.negotiation, remote.actor, paragraphId, { state: 'adref', pending, deadline: o.until ?? null });
  } else throw new CliError('status takes a paragraph LABEL, then open, agreed or ad-ref', 2);
  return written({ paragraph: label, status: state }, `${label}: ${state}`);
};

const revision: Handler = (remote, [verb], o) => {
  if (verb !== 'issue') throw new CliError('revision takes issue', 2);
  const r = issueRevision(remote.negotiation, remote.actor, o.note ?? null);
  return written({ number: r.number, name: r.name }, `issued ${r.name}`);
};

const silence: Handler = (remote, [verb], o) => {
  const { negotiation, actor } = remote;
  if (verb === 'open') {
    const s = openSilence(negotiation, actor, need(o.until, '--until ISO', 'silence open'), undefined, { keepOpen: o['keep-open'] ?? false });
    return written(s, `the text is under silence until ${o.until}`);
  }
  if (verb === 'break') {
    const label = need(o.paragraph, '--paragraph LABEL', 'silence break');
    breakSilence(negotiation, actor, [paragraphByLabel(negotiation, label)], need(o.reason, '--reason "…"', 'silence break'));
    return written({ paragraph: label }, `silence broken on ${label}`);
  }
  if (verb === 'close') {
    const s = closeSilence(negotiation, actor, o.note ?? null);
    return written(s, `silence ${s.state}`);
  }
  throw new CliError('silence takes open, break or close', 2);
};

const show: Handler = (remote, _words, o) => {
  const { negotiation } = remote;
  if (o.clean) {
    const clean = cleanText(negotiation);
    return { json: clean, line: formatCleanText(clean, 'txt').trimEnd(), wrote: false };
  }
  if (o.compilation) {
    const compiled = compilation(negotiation);
    return { json: compiled, line: formatCompilation(negotiation, compiled, 'md').trimEnd(), wrote: false };
  }
  const shown = showNegotiation(negotiation);
  return { json: shown, line: formatShown(negotiation, shown).trimEnd(), wrote: false };
};

/**
 * The decision log, one decision a line, paragraphs by their current label; with --verify, the record is
 * checked as every participant's app checks it (the chain, and each revision as the one before plus the
 * logged decisions) and a broken one fails, naming each break.
 */
const log: Handler = (remote, _words, o) => {
  const { negotiation } = remote;
  const labels = currentLabels(negotiation);
  const entries = decisionLog(negotiation.table).map((e) => ({ ...e, label: e.paragraph ? (labels.get(e.paragraph) ?? e.paragraph) : null }));
  const lines = entries.map((e, i) => `${String(i + 1).padStart(4)}  ${e.at}  ${e.author}: ${e.kind}${e.label ? ` ${e.label}` : ''}${e.proposal ? ` ${e.proposal}` : ''}${e.detail ? ` (${e.detail})` : ''}`);
  if (!o.verify) return { json: { entries }, line: lines.join('\n') || 'no decision has been logged yet', wrote: false };
  const check = verifyRecord(negotiation);
  if (!check.ok) throw new CliError(`the decision log is broken: ${check.problems.map((p) => p.message).join('; ')}. Keep a copy of this negotiation and tell the co-facilitators and the Secretariat`, 1);
  const verdict = `verified: ${check.entries} entries, every link intact, every revision as issued`;
  return { json: { entries, verified: check }, line: [...lines, verdict].join('\n'), wrote: false };
};

/** Every `penholder act` command, by its first word. */
export const actCommands: Record<string, Handler> = {
  show,
  propose: propose_,
  position,
  decide,
  bracket: brackets(true),
  unbracket: brackets(false),
  status,
  revision,
  silence,
  log,
};
