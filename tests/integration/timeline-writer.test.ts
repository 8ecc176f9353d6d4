/**
 * The timeline writer (server/commands/timeline-writer.ts) on the real database, below the
 * socket layer: what one ordered insert command answers must settle every caller exactly as
 * the sequenced log promises. A duplicate in the middle of a batch resolves with the stored
 * entry and the rest of the batch still lands in order; two writers on one collection (two
 * processes) racing for the same numbers both land everything, once each, without gaps; an
 * entry the database refuses for another reason fails alone, the ones before it are answered.
 */
import { randomUUID } from 'node:crypto';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { createTimelineWriter, FULL_DELIVERIES } from '../../server/commands/timeline-writer';
import type { TimelineDoc } from '../../server/db/collections';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

const writerOn = () => createTimelineWriter(server.ctx.db.db, server.ctx.db.c.timeline, (err) => { throw err; });
const entry = (room: string, id: string = randomUUID(), extra: Partial<TimelineDoc> = {}): Omit<TimelineDoc, 'seq'> => ({
  _id: `u1:${id}`, room, orgId: 'org-w', kind: 'message.created', threadId: 't1', at: new Date(), byId: 'u1', byName: 'Writer', body: `body ${id}`, refs: [], mentions: [], ...extra
});
const seqsOf = async (room: string) => (await server.ctx.db.c.timeline.find({ room }).sort({ seq: 1 }).toArray()).map((d) => d.seq);

describe('the timeline writer', () => {
  it('answers a duplicate inside a batch with the stored entry and lands the rest of the batch in order', async () => {
    const room = `encounter:${randomUUID()}`;
    const w = writerOn();
    const first = await w.append(entry(room, 'a'));
    expect(first).toMatchObject({ duplicate: false, entry: { seq: 1 } });
    // One linger: the three share one insert; the second is a retry of 'a'.
    const [b, again, c] = await Promise.all([w.append(entry(room, 'b')), w.append(entry(room, 'a')), w.append(entry(room, 'c'))]);
    expect(b).toMatchObject({ duplicate: false, entry: { _id: 'u1:b', seq: 2 } });
    expect(again).toMatchObject({ duplicate: true, entry: { _id: 'u1:a', seq: 1, body: 'body a' } });
    expect(c).toMatchObject({ duplicate: false, entry: { _id: 'u1:c', seq: 3 } });
    expect(await seqsOf(room)).toEqual([1, 2, 3]);
  });

  it('numbers the entries of two writers racing on one room once each, without gaps', async () => {
    const room = `encounter:${randomUUID()}`;
    const [one, two] = [writerOn(), writerOn()];
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? one : two).append(entry(room))));
    const seqs = results.map((r) => r.entry.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(await seqsOf(room)).toEqual(seqs);
  });

  it('fails only the entry the database refuses for another reason, answering the ones before it', async () => {
    const room = `encounter:${randomUUID()}`;
    const w = writerOn();
    // A field name the database refuses ('$'-prefixed keys are not storable documents).
    const bad = { ...entry(room, 'bad'), refs: [{ $bad: 1 }] } as unknown as Omit<TimelineDoc, 'seq'>;
    const settled = await Promise.allSettled([w.append(entry(room, 'ok')), w.append(bad)]);
    expect(settled[0]).toMatchObject({ status: 'fulfilled', value: { duplicate: false, entry: { _id: 'u1:ok', seq: 1 } } });
    expect(settled[1]!.status).toBe('rejected');
    expect(await seqsOf(room)).toEqual([1]);
    // The room goes on at the next number.
    expect((await w.append(entry(room, 'next'))).entry.seq).toBe(2);
  });

  it('sends an entry whose room has a large audience at once, and lets a quiet room\'s entry wait for company', async () => {
    const client = new MongoClient(inject('mongoUri'), { monitorCommands: true });
    const inserted: string[][] = [];
    client.on('commandStarted', (e) => { if (e.commandName === 'insert') inserted.push((e.command.documents as TimelineDoc[]).map((d) => d._id)); });
    try {
      const db = client.db(server.ctx.db.db.databaseName);
      const timeline = db.collection<TimelineDoc>(server.ctx.db.c.timeline.collectionName);
      const busyRoom = `encounter:${randomUUID()}`;
      const quietRoom = `encounter:${randomUUID()}`;
      // One entry of the busy room brings more deliveries than a full insert needs.
      const audience = (room: string) => (room === busyRoom ? FULL_DELIVERIES : 1);
      const quiet = createTimelineWriter(db, timeline, (err) => { throw err; }, audience);
      const busy = createTimelineWriter(db, timeline, (err) => { throw err; }, audience);
      // The quiet entry is asked for first, yet the busy one is sent first: it does not wait out the linger.
      const stored = await Promise.all([quiet.append(entry(quietRoom, 'quiet')), busy.append(entry(busyRoom, 'busy'))]);
      expect(stored.map((r) => r.entry.seq)).toEqual([1, 1]);
      expect(inserted).toEqual([['u1:busy'], ['u1:quiet']]);
    } finally {
      await client.close();
    }
  });

  it("sends the connection string's write concern with its insert command, as insertMany would", async () => {
    const uri = inject('mongoUri');
    const client = new MongoClient(`${uri}${uri.includes('?') ? '&' : '?'}w=1&journal=true`, { monitorCommands: true });
    const inserts: CommandStartedEvent[] = [];
    client.on('commandStarted', (e) => { if (e.commandName === 'insert') inserts.push(e); });
    try {
      const db = client.db(server.ctx.db.db.databaseName);
      const w = createTimelineWriter(db, db.collection<TimelineDoc>(server.ctx.db.c.timeline.collectionName), (err) => { throw err; });
      const room = `encounter:${randomUUID()}`;
      expect((await w.append(entry(room, 'wc'))).entry.seq).toBe(1);
      expect(inserts).toHaveLength(1);
      expect(inserts[0]!.command.writeConcern).toEqual({ w: 1, j: true });
    } finally {
      await client.close();
    }
  });
});
