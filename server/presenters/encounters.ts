/** Encounter, flag and forum-post documents → DTOs, every field listed. */
import type { Actor } from '../context';
import type { EncounterDoc, FlagDoc, ForumPostDoc, TeamDoc, UserDoc } from '../db/collections';
import { permissionsFor } from '../policies/encounters';
import type { EncounterDto, EncounterSummaryDto, FlagDto, ForumPostDto, PatientInput } from '../../src/lib/protocol/encounters';
import { displayCode, type ValidationDto } from '../../src/lib/protocol/codes';

export function presentFlag(f: FlagDoc): FlagDto {
  return {
    id: f.id, category: f.category, question: f.question, status: f.status, anchor: f.anchor,
    createdBy: { id: f.createdById, name: f.createdByName }, createdAt: f.createdAt.toISOString(), updatedAt: f.updatedAt.toISOString()
  };
}

export function presentSummary(e: EncounterDoc): EncounterSummaryDto {
  return {
    id: e._id, href: `/encounters/${e._id}`, title: e.title, setting: e.setting, dateOfService: e.dateOfService, specialty: e.specialty,
    status: e.status, owner: { id: e.ownerId, name: e.ownerName }, flagCount: e.flags.length,
    openFlagCount: e.flags.filter((f) => f.status !== 'resolved').length, categories: e.categories,
    codes: e.codeLines.map((l) => l.code), published: e.forumPostId !== null, updatedAt: e.updatedAt.toISOString()
  };
}

export function presentForumSummary(p: ForumPostDoc): EncounterSummaryDto {
  return {
    id: p._id, href: `/forum/${p._id}`, title: p.title, setting: p.setting, dateOfService: p.dateOfService, specialty: p.specialty,
    status: p.status, owner: { id: p.publishedById, name: p.publishedByName }, flagCount: p.flags.length,
    openFlagCount: p.flags.filter((f) => f.status !== 'resolved').length, categories: p.categories,
    codes: p.codeLines.map((l) => l.code), published: true, updatedAt: p.publishedAt.toISOString()
  };
}

function presentPatient(p: PatientInput): PatientInput {
  const { name, mrn, dob, sex, phone, email, address, ssn, accountNumber, insuranceId } = p;
  return Object.fromEntries(Object.entries({ name, mrn, dob, sex, phone, email, address, ssn, accountNumber, insuranceId }).filter(([, v]) => v !== undefined)) as PatientInput;
}

export function presentEncounter(e: EncounterDoc, actor: Actor, people: { users: Map<string, UserDoc>; teams: Map<string, TeamDoc> }, validation: ValidationDto): EncounterDto {
  return {
    id: e._id, title: e.title, setting: e.setting, dateOfService: e.dateOfService, specialty: e.specialty,
    payerClass: (e.payerClass ?? null) as EncounterDto['payerClass'], status: e.status, owner: { id: e.ownerId, name: e.ownerName },
    patient: presentPatient(e.patient),
    documents: e.documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, ...(d.author ? { author: d.author } : {}), text: d.text })),
    codeLines: e.codeLines.map((l) => ({ ...l, code: displayCode(l.system, l.code) })),
    flags: e.flags.map(presentFlag),
    sharing: {
      users: e.sharedUserIds.map((id) => people.users.get(id)).filter((u): u is UserDoc => !!u).map((u) => ({ id: u._id, name: u.name, role: u.role })),
      teams: e.sharedTeamIds.map((id) => people.teams.get(id)).filter((t): t is TeamDoc => !!t).map((t) => ({ id: t._id, name: t.name }))
    },
    published: e.forumPostId !== null, forumPostId: e.forumPostId,
    permissions: permissionsFor(actor, e), validation, createdAt: e.createdAt.toISOString(), updatedAt: e.updatedAt.toISOString()
  };
}

export function presentForumPost(p: ForumPostDoc): ForumPostDto {
  return {
    id: p._id, encounterId: p.encounterId, title: p.title, setting: p.setting, dateOfService: p.dateOfService, specialty: p.specialty,
    patient: p.patient, documents: p.documents, codeLines: p.codeLines,
    flags: p.flags.map((f) => ({ id: f.id, category: f.category, question: f.question, status: f.status, anchor: f.anchor, createdAt: f.createdAt.toISOString(), updatedAt: f.updatedAt.toISOString() })),
    publishedBy: { id: p.publishedById, name: p.publishedByName }, publishedAt: p.publishedAt.toISOString(), redactions: p.redactions,
    ...(p.dates ? { dates: p.dates } : {})
  };
}

/** The encounter in the import-file shape, for export. */
export function presentExport(e: EncounterDoc) {
  return {
    key: e._id, title: e.title, setting: e.setting, specialty: e.specialty, dateOfService: e.dateOfService,
    ...(e.payerClass ? { payerClass: e.payerClass } : {}), patient: presentPatient(e.patient),
    documents: e.documents.map(({ kind, title, author, text }) => ({ kind, title, ...(author ? { author } : {}), text })),
    proposedCodes: e.codeLines.map(({ id: _id, ...l }) => l),
    flags: e.flags.map((f) => ({ category: f.category, question: f.question }))
  };
}
