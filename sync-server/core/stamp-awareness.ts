import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { STAMP_KEY, type AwarenessStamp } from '../../shared/protocol/awareness-stamp';

/**
 * Rewrites a client's awareness update: drops entries whose state is over `maxStateBytes` (before
 * parsing them) or whose awareness client id `mayUse` refuses (ids another connection or node already
 * uses, so nobody can overwrite someone else's presence; ids beyond the connection's number), and sets
 * `state[STAMP_KEY]` to the connection's authenticated identity, whatever the client wrote there.
 * Returns null when no entry is left. Throws on a malformed update.
 */
export function stampAwareness(
  update: Uint8Array,
  stamp: AwarenessStamp,
  mayUse: (clientId: number) => boolean,
  maxStateBytes = Infinity,
): { update: Uint8Array; clientIds: number[] } | null {
  const decoder = decoding.createDecoder(update);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // A varString is a varUint8Array of UTF-8: its size is known before anything is decoded.
    const raw = decoding.readVarUint8Array(decoder);
    if (raw.length > maxStateBytes || !mayUse(clientId)) continue;
    const parsed: unknown = JSON.parse(utf8.decode(raw));
    // A state is an object or null (removed); anything else is not presence and is refused.
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) throw new Error('awareness state is not an object');
    const state = parsed === null ? null : { ...(parsed as Record<string, unknown>), [STAMP_KEY]: stamp };
    entries.push({ clientId, clock, state: JSON.stringify(state) });
  }
  if (entries.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return { update: encoding.toUint8Array(encoder), clientIds: entries.map((e) => e.clientId) };
}

/**
 * Keeps the entries of another node's awareness update that `keep` accepts (given the client id and
 * whether the entry removes its state), unchanged. Returns null when none is left. Throws on a malformed update.
 */
export function filterAwareness(update: Uint8Array, keep: (clientId: number, removed: boolean) => boolean): { update: Uint8Array; entries: { clientId: number; removed: boolean }[] } | null {
  const decoder = decoding.createDecoder(update);
  const kept: { clientId: number; clock: number; raw: Uint8Array; removed: boolean }[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarUint8Array(decoder);
    const removed = raw.length === 4 && utf8.decode(raw) === 'null';
    if (keep(clientId, removed)) kept.push({ clientId, clock, raw, removed });
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const e of kept) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarUint8Array(encoder, e.raw);
  }
  return { update: encoding.toUint8Array(encoder), entries: kept.map(({ clientId, removed }) => ({ clientId, removed })) };
}

const utf8 = new TextDecoder();
