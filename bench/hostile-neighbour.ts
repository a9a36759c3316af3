/**
 * The hostile neighbour of scenario 9, in a process of its own (so that its work does not weigh on the
 * process that times the room): `hostile-neighbour.ts '<json NeighbourPlan>'` prepares, prints
 * "ready", then does what the plan says until it is stopped (SIGTERM).
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { awarenessFrame, syncStep1Frame, updateFrame } from '../shared/protocol/messages';
import { forgedAwareness } from '../testing/forged-awareness';
import { openSocket } from '../testing/open-socket';

/** What the neighbour does, and where. */
export interface NeighbourPlan {
  wsUrl: string;
  token: string;
  /** The room's document, where it floods presence. */
  room: string;
  /** Its own document, where it pushes large updates and reads slowly. */
  own: string;
  behaviours: ('presence' | 'large' | 'slow')[];
  /** Entries of the large document it pushes first (100,000 ≈ 4.9 MB); a fifth of that each second after. */
  largeEntries: number;
}

/** A document of `entries` notes, each its own item: about 49 bytes an entry. */
function largeUpdate(entries: number, tag: string): Uint8Array {
  const doc = new Y.Doc();
  const notes = doc.getMap<string>('notes');
  doc.transact(() => {
    for (let i = 0; i < entries; i++) notes.set(`${tag}${i}`, `a note of some thirty characters ${i}`);
  });
  return Y.encodeStateAsUpdate(doc);
}

const plan = JSON.parse(process.argv[2]!) as NeighbourPlan;
const url = (name: string) => `${plan.wsUrl}/${name}?token=${encodeURIComponent(plan.token)}`;
const start: (() => void)[] = [];
if (plan.behaviours.includes('presence')) {
  // 2,000 ids with a cursor each and one 6 KB state per frame; 90 frames a second stays within the rate limit.
  const flood = awarenessFrame(forgedAwareness([...Array.from({ length: 2_000 }, (_, i) => [9_000_000 + i, { cursor: i }] as const), [8_999_999, { note: 'x'.repeat(6 * 1024) }]]));
  const ws = await openSocket(url(plan.room));
  start.push(() => setInterval(() => ws.readyState === WebSocket.OPEN && ws.send(flood), 1000 / 90));
}
if (plan.behaviours.includes('large')) {
  const big = largeUpdate(plan.largeEntries, 'a');
  const pieces = Array.from({ length: 30 }, (_, i) => largeUpdate(plan.largeEntries / 5, `p${i}-`));
  const ws = await openSocket(url(plan.own));
  start.push(() => {
    ws.send(updateFrame(big));
    const timer = setInterval(() => (pieces.length > 0 && ws.readyState === WebSocket.OPEN ? ws.send(updateFrame(pieces.shift()!)) : clearInterval(timer)), 1000);
  });
}
if (plan.behaviours.includes('slow')) {
  // A new reader of its (by now large) document every 200 ms, each asking for all of it and reading nothing.
  const open = async () => (await openSocket(url(plan.own), { slow: true })).send(syncStep1Frame(Y.encodeStateVector(new Y.Doc())));
  start.push(() => setInterval(() => void open().catch(() => undefined), 200));
}
for (const s of start) s();
console.log('ready');
process.on('SIGTERM', () => process.exit(0));
