/** Fixtures for discussion tests: REST clients from direct sessions, an encounter shared for talk, ids. */
import { randomUUID } from 'node:crypto';
import type { UserDoc } from '../../server/db/collections';
import { Client } from './http';
import { encounterInput, NOTE } from './encounters';
import { sessionCookieFor } from './sockets';
import type { TestServer } from './server';

export const uuid = () => randomUUID();

/** A REST client signed in as this user (a direct session: no sign-in rate limit). */
export async function restAs(server: TestServer, user: UserDoc): Promise<Client> {
  const client = new Client(server.url);
  client.cookie = await sessionCookieFor(server.ctx, user);
  return client;
}

/** An encounter owned by `owner`, shared with `shareWith` users (and teams), with one flag. */
export async function sharedEncounter(server: TestServer, owner: UserDoc, shareWith: UserDoc[], teamIds: string[] = []) {
  const rest = await restAs(server, owner);
  const created = await rest.post('/api/encounters', encounterInput({ flags: [{ category: 'clinical validity', question: 'Is sepsis supported?' }] }));
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const enc = created.body.data;
  if (shareWith.length > 0 || teamIds.length > 0) {
    const r = await rest.put(`/api/encounters/${enc.id}/sharing`, { userIds: shareWith.map((u) => u._id), teamIds });
    if (r.status !== 200) throw new Error(`share failed: ${JSON.stringify(r.body)}`);
  }
  const start = NOTE.indexOf('urinary tract infection');
  return {
    id: enc.id as string,
    rest,
    documentId: enc.documents[0].id as string,
    flagId: enc.flags[0].id as string,
    codeLineId: enc.codeLines[0].id as string,
    passage: { type: 'text' as const, documentId: enc.documents[0].id as string, start, end: start + 'urinary tract infection'.length, quote: 'urinary tract infection' },
    scope: { type: 'encounter' as const, encounterId: enc.id as string }
  };
}
