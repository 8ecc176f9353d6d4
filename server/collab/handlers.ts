/**
 * The socket events of live co-editing (docs/API.md "Live code sets"). Every event names its
 * encounter; only a socket that joined it may sync, update or announce presence, so an event
 * for another encounter is refused like an unknown one. Joining checks the encounter policy
 * (view → read-only, editCodes → may edit; other organisation or unknown → not_found) and is
 * audited as a view of PHI. Rights are re-read at most every RECHECK_MS while a member edits (in the background).
 */
import * as Y from 'yjs';
import type { Server, Socket } from 'socket.io';
import type { Actor, AppContext } from '../context';
import { handle, type SocketData } from '../sockets/handle';
import { openEncounter } from '../commands/encounter-state';
import { permissionsFor } from '../policies/encounters';
import { findEncounter } from '../repositories/encounters';
import { AppError, notFound } from '../errors';
import {
  COLLAB_EVENTS, collabAwarenessSchema, collabDiffSchema, collabHistorySchema, collabJoinSchema, collabLeaveSchema,
  collabRestoreSchema, collabSyncSchema, collabUpdateSchema, type CollabJoinDto, type CollabSyncDto
} from '../../src/lib/protocol/collab';
import { readLines, replaceLines, rationaleOf, type LiveLine } from '../../src/lib/collab/shape';
import { readOnlyError, type CollabService } from './service';
import type { LiveDoc, Member } from './live-doc';
import { colorOf, awarenessProtocol } from './awareness';
import { asBuffer } from './wire';
import { diffVersions, findVersion, listVersions, presentVersion } from './history';

const RECHECK_MS = 10_000;

export function registerCollabHandlers(ctx: AppContext, service: CollabService, io: Server, socket: Socket): void {
  service.attach(io);
  const joined = new Map<string, LiveDoc>();

  const memberOf = (encounterId: string): { live: LiveDoc; member: Member } => {
    const live = joined.get(encounterId);
    const member = live?.members.get(socket.id);
    if (!live || !member || live.destroyed) throw notFound('Joined code set');
    return { live, member };
  };

  /**
   * Rights and lock as stored now; a member who lost view access is dropped. While editing,
   * the re-read runs in the background (a database read must not stall this socket's updates
   * behind it); what it finds applies from the next update on.
   */
  const rechecking = new Set<Member>();
  const recheckSoon = (live: LiveDoc, member: Member) => {
    if (Date.now() - member.checkedAt < RECHECK_MS || rechecking.has(member)) return;
    rechecking.add(member);
    recheck(live, member, true).catch(() => {}).finally(() => rechecking.delete(member));
  };
  const recheck = async (live: LiveDoc, member: Member, force = false) => {
    if (!force && Date.now() - member.checkedAt < RECHECK_MS) return;
    member.actor = (socket.data as SocketData).actor;
    const enc = await findEncounter(ctx.db, member.actor, live.id);
    const perms = enc ? permissionsFor(member.actor, enc) : null;
    member.checkedAt = Date.now();
    if (!enc || !perms?.view) { leave(live.id); throw notFound('Encounter'); }
    member.canEdit = perms.editCodes;
    if ((enc.codeSetLocked === true) !== live.facts.locked) service.setLocked(live.id, enc.codeSetLocked === true);
  };

  const leave = (encounterId: string) => {
    const live = joined.get(encounterId);
    if (!live) return;
    joined.delete(encounterId);
    void socket.leave(live.room);
    service.leave(live, socket.id);
  };

  socket.on(COLLAB_EVENTS.join, handle(ctx, socket, collabJoinSchema, async (actor: Actor, { encounterId }): Promise<CollabJoinDto> => {
    const enc = await openEncounter(ctx, actor, encounterId, 'view', 'encounters.view');
    const perms = permissionsFor(actor, enc);
    const live = await service.open(enc);
    await service.catchUp(live);
    joined.set(encounterId, live);
    service.join(live, { socket, actor, canEdit: perms.editCodes, checkedAt: Date.now(), clientIds: new Set(), chain: Promise.resolve() });
    await socket.join(live.room);
    const states = [...live.awareness.getStates().keys()];
    const locked = live.facts.locked;
    return {
      encounterId, readOnly: locked || !perms.editCodes, reason: locked ? 'locked' : perms.editCodes ? null : 'permission', locked,
      validation: live.validation, color: colorOf(actor.userId),
      awareness: states.length ? asBuffer(awarenessProtocol.encodeAwarenessUpdate(live.awareness, states)) : null
    };
  }));

  socket.on(COLLAB_EVENTS.leave, handle(ctx, socket, collabLeaveSchema, async (_a, { encounterId }) => {
    leave(encounterId);
    return { left: true };
  }));

  socket.on(COLLAB_EVENTS.sync, handle(ctx, socket, collabSyncSchema, async (_a, { encounterId, stateVector }): Promise<CollabSyncDto> => {
    const { live } = memberOf(encounterId);
    let update: Uint8Array;
    try { update = Y.encodeStateAsUpdate(live.doc, stateVector); }
    catch { throw new AppError('invalid_input', 'stateVector: not a Yjs state vector', { field: 'stateVector' }); }
    return { update: asBuffer(update), stateVector: asBuffer(Y.encodeStateVector(live.doc)) };
  }));

  socket.on(COLLAB_EVENTS.update, handle(ctx, socket, collabUpdateSchema, async (_a, { encounterId, update }) => {
    const { live, member } = memberOf(encounterId);
    // Applied strictly in the order sent (a later update may build on an earlier one); storing
    // overlaps, and the ack waits for this update's entry to land.
    const applied = member.chain.then(() => {
      recheckSoon(live, member);
      return { stored: service.acceptUpdate(live, member, update) };
    });
    member.chain = applied.catch(() => {});
    await (await applied).stored;
    return { stored: true as const };
  }));

  socket.on(COLLAB_EVENTS.awareness, handle(ctx, socket, collabAwarenessSchema, async (_a, { encounterId, update }) => {
    const { live, member } = memberOf(encounterId);
    service.awarenessFrom(live, member, update);
    return { ok: true };
  }));

  socket.on(COLLAB_EVENTS.history, handle(ctx, socket, collabHistorySchema, async (_a, { encounterId }) => {
    const { live } = memberOf(encounterId);
    return { versions: (await listVersions(ctx.db.c, live.id)).map(presentVersion) };
  }));

  socket.on(COLLAB_EVENTS.diff, handle(ctx, socket, collabDiffSchema, async (_a, { encounterId, from, to }) => {
    const { live } = memberOf(encounterId);
    const [a, b] = await Promise.all([findVersion(ctx.db.c, live.id, from), findVersion(ctx.db.c, live.id, to)]);
    return diffVersions(a, b);
  }));

  socket.on(COLLAB_EVENTS.restore, handle(ctx, socket, collabRestoreSchema, async (_a, { encounterId, versionId }) => {
    const { live, member } = memberOf(encounterId);
    member.checkedAt = 0;
    await recheck(live, member);
    if (!member.canEdit || live.facts.locked) throw readOnlyError(live);
    const version = await findVersion(ctx.db.c, live.id, versionId);
    await service.serverChange(live, member.actor, (doc) => {
      replaceLines(doc, version.lines as LiveLine[]);
      const text = rationaleOf(doc);
      if (text.toString() !== version.rationale) { text.delete(0, text.length); text.insert(0, version.rationale); }
    });
    await service.tasksOf(live).versionNow(`Restored the version of ${version.at.toISOString()}`, member.actor);
    return { restored: versionId, lines: readLines(live.doc).length };
  }));

  socket.on('disconnect', () => { for (const id of [...joined.keys()]) leave(id); });
}
