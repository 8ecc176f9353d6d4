/**
 * Creating, importing and editing encounters. Input arrives already parsed by the protocol
 * schemas (shapes, lengths, enums, code formats); here we check what needs the encounter
 * itself (anchors inside the text, line ids), write, then audit.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, AppContext } from '../context';
import type { EncounterDoc, FlagDoc } from '../db/collections';
import { AppError } from '../errors';
import { derive, mutateEncounter } from './encounter-state';
import { checkAnchor } from './anchors';
import type {
  CodeLine, CodeLineInput, CreateEncounterInput, CreateFlagInput, DocumentInput, UpdateEncounterInput
} from '../../src/lib/protocol/encounters';
import { findUser } from '../repositories/users';
import { replaceCodeLinesLive } from '../collab/rest';

export const newId = () => randomUUID();

export function toCodeLine(line: CodeLineInput & { id?: string }): CodeLine {
  const { id, ...rest } = line;
  return { id: id ?? newId(), modifiers: [], ...rest };
}

export function newFlag(actor: Actor, input: CreateFlagInput): FlagDoc {
  const now = new Date();
  return {
    id: newId(), category: input.category, question: input.question, status: 'open', anchor: input.anchor ?? null,
    createdById: actor.userId, createdByName: actor.name, createdAt: now, updatedAt: now
  };
}

/** Builds a complete encounter document; throws invalid_input naming the field of a bad anchor. */
export async function buildEncounter(ctx: AppContext, actor: Actor, input: CreateEncounterInput): Promise<EncounterDoc> {
  const owner = await findUser(ctx.db.c, actor.orgId, actor.userId);
  const now = new Date();
  const documents = input.documents.map((d) => ({ id: newId(), ...d }));
  const codeLines = input.codeLines.map(toCodeLine);
  const base = {
    _id: newId(), orgId: actor.orgId, ownerId: actor.userId, ownerName: actor.name, ownerTeamIds: owner?.teamIds ?? [],
    title: input.title, setting: input.setting, dateOfService: input.dateOfService, specialty: input.specialty,
    payerClass: input.payerClass ?? null, patient: input.patient, documents, codeLines, flags: [] as FlagDoc[],
    sharedUserIds: [], sharedTeamIds: [], forumPostId: null, createdAt: now, updatedAt: now
  };
  // Documents get their ids here, so an anchor in the same request names its section by index.
  input.flags.forEach((f, i) => {
    let anchor = f.anchor;
    if (anchor?.type === 'text' && /^\d+$/.test(anchor.documentId) && documents[Number(anchor.documentId)]) {
      anchor = { ...anchor, documentId: documents[Number(anchor.documentId)]!.id };
    }
    if (anchor) checkAnchor({ documents, codeLines }, anchor, `flags.${i}.anchor`);
    base.flags.push(newFlag(actor, { ...f, anchor }));
  });
  return { ...base, ...derive(base) };
}

export async function createEncounter(ctx: AppContext, actor: Actor, input: CreateEncounterInput, via: 'form' | 'import' = 'form'): Promise<EncounterDoc> {
  const enc = await buildEncounter(ctx, actor, input);
  await ctx.db.c.encounters.insertOne(enc);
  await ctx.audit.record(actor, { action: 'encounters.create', targetType: 'encounter', targetId: enc._id, details: { via } });
  return enc;
}

export async function updateEncounter(ctx: AppContext, actor: Actor, id: string, input: UpdateEncounterInput): Promise<EncounterDoc> {
  const { encounter } = await mutateEncounter(ctx, actor, id, 'edit', () => ({ changes: { ...input, ...(input.payerClass !== undefined ? { payerClass: input.payerClass ?? null } : {}) } }));
  await ctx.audit.record(actor, { action: 'encounters.update', targetType: 'encounter', targetId: id, details: { fields: Object.keys(input) } });
  return encounter;
}

export async function addDocument(ctx: AppContext, actor: Actor, id: string, input: DocumentInput): Promise<EncounterDoc> {
  const { encounter } = await mutateEncounter(ctx, actor, id, 'edit', (enc) => {
    if (enc.documents.length >= 50) throw new AppError('invalid_input', 'documents: an encounter holds at most 50 documentation sections', { field: 'documents' });
    return { changes: { documents: [...enc.documents, { id: newId(), ...input }] } };
  });
  await ctx.audit.record(actor, { action: 'encounters.update', targetType: 'encounter', targetId: id, details: { fields: ['documents'] } });
  return encounter;
}

export async function replaceCodeLines(ctx: AppContext, actor: Actor, id: string, lines: (CodeLineInput & { id?: string })[]): Promise<EncounterDoc> {
  const ids = lines.map((l) => l.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) throw new AppError('invalid_input', 'codeLines: two lines have the same id', { field: 'codeLines' });
  // The live document is the source of truth: the change is applied to it by line id, and the
  // stored codeLines are its projection (server/collab/rest.ts).
  const encounter = await replaceCodeLinesLive(ctx, actor, id, lines, newId);
  await ctx.audit.record(actor, { action: 'encounters.update-codes', targetType: 'encounter', targetId: id, details: { lines: lines.length } });
  return encounter;
}
