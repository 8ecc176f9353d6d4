/**
 * `validateCodeLines`: the rules a coder expects to be checked on an encounter's code list.
 *
 * Invariants:
 * - PURE and synchronous: no I/O, no clock (the date of service is an input), no mutation of
 *   the lines. Cost is O(lines) lookups plus O(diagnoses²) Excludes1 checks; it is meant to run
 *   after every edit.
 * - Every finding names its rule id (stable, used by the UI and tests), the line ids it is
 *   about and a message in a coder's words with display-form codes.
 * - POA: the official POA-exempt list is not in the staged data, so the value 'exempt' is
 *   accepted as the coder's statement and not checked against a list.
 * - Tabular notes (manifestation first, Code first, Use additional code, Code also) are checked
 *   by validate-notes.ts; CC/MCC severity is a separate pure view (severity.ts).
 * - CPT: never shipped; CPT lines are checked by format, and against the organisation's own
 *   descriptions only when they are passed in.
 */
import { applicableNotes, excludes1Between, excludesFor } from './excludes';
import { fiscalYearFor } from './fiscal-year';
import { hcpcsValidOn } from './parse-hcpcs';
import { CODE_FORMATS, displayCode, formatDate, normalizeCode } from './normalize';
import { checkIcdLine, pickYear } from './validate-icd';
import { checkTabularNotes } from './validate-notes';
import type { CodeLine, CodeSets, Finding, Setting } from './types';

export interface ValidationFacts { setting: Setting; dateOfService: string }
export interface ValidationOptions { cptDescriptions?: Map<string, string> }

const DIAGNOSIS_ROLES = new Set(['principal', 'first-listed', 'secondary']);

export function validateCodeLines(codeSets: CodeSets, facts: ValidationFacts, lines: CodeLine[], opts: ValidationOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (lines.length === 0) return findings;
  const dos = facts.dateOfService;
  const fy = fiscalYearFor(dos);
  const inpatient = facts.setting === 'inpatient';
  const cmYear = pickYear(codeSets.cm, fy);
  const pcsYear = pickYear(codeSets.pcs, fy);
  const dx = lines.filter((l) => l.system === 'ICD-10-CM');

  for (const [system, year] of [['ICD-10-CM', cmYear], ['ICD-10-PCS', pcsYear]] as const) {
    const used = lines.filter((l) => l.system === system);
    if (used.length > 0 && year && year.fy !== fy) {
      findings.push({
        rule: 'fiscal-year-not-loaded', severity: 'info', lineIds: used.map((l) => l.id),
        message: `${system} FY${fy} (the year of the date of service ${formatDate(dos)}) is not loaded; the codes were checked against FY${year.fy}.`
      });
    }
  }

  for (const line of lines) {
    const code = normalizeCode(line.system, line.code);
    const shown = displayCode(line.system, code);
    const isDx = DIAGNOSIS_ROLES.has(line.role);
    if (line.system === 'ICD-10-CM' || line.system === 'ICD-10-PCS') {
      if ((line.system === 'ICD-10-CM') !== isDx) {
        findings.push({
          rule: 'role-system-mismatch', severity: 'error', lineIds: [line.id],
          message: line.system === 'ICD-10-CM'
            ? `${shown} is a diagnosis code (ICD-10-CM) but the line is marked as a procedure.`
            : `${shown} is a procedure code (ICD-10-PCS) but the line is marked as a ${line.role} diagnosis.`
        });
      }
      const year = line.system === 'ICD-10-CM' ? cmYear : pcsYear;
      const f = year ? checkIcdLine(codeSets, line, code, year, dos) : null;
      if (f) findings.push(f);
      if (line.system === 'ICD-10-PCS' && !inpatient) {
        findings.push({
          rule: 'pcs-outside-inpatient', severity: 'error', lineIds: [line.id],
          message: `${shown} is an ICD-10-PCS code; PCS is reported for inpatient stays only. In a ${facts.setting} setting report the procedure with CPT or HCPCS.`
        });
      }
    } else {
      if (isDx) {
        findings.push({
          rule: 'role-system-mismatch', severity: 'error', lineIds: [line.id],
          message: `${shown} is a ${line.system} procedure code but the line is marked as a ${line.role} diagnosis.`
        });
      }
      checkProcedureCode(codeSets, line, code, dos, opts, findings);
    }
    checkModifiers(codeSets, line, dos, findings);
    if (line.pointers?.length) {
      const bad = line.pointers.filter((p) => p < 1 || p > dx.length);
      if (bad.length) {
        findings.push({
          rule: 'pointer-invalid', severity: 'error', lineIds: [line.id],
          message: `Diagnosis pointer${bad.length > 1 ? 's' : ''} ${bad.join(', ')} on ${shown} point${bad.length > 1 ? '' : 's'} at no diagnosis: the encounter has ${dx.length} ICD-10-CM line${dx.length === 1 ? '' : 's'}.`
        });
      }
    }
  }

  checkRoles(facts.setting, dx, findings);
  if (inpatient) {
    for (const l of dx) {
      if (l.poa == null) {
        findings.push({
          rule: 'poa-missing', severity: 'error', lineIds: [l.id],
          message: `${displayCode('ICD-10-CM', l.code)} has no present-on-admission indicator; every inpatient diagnosis needs Y, N, U, W or 1 (or 'exempt' when the code is on the POA-exempt list).`,
          suggestions: ['Y', 'N', 'U', 'W', '1', 'exempt']
        });
      }
    }
  }
  checkDuplicates(lines, findings);
  checkExcludes1(codeSets, dx, cmYear, findings);
  checkTabularNotes(codeSets.tabular, dx, findings);
  return findings;
}

function checkProcedureCode(codeSets: CodeSets, line: CodeLine, code: string, dos: string, opts: ValidationOptions, out: Finding[]): void {
  if (line.system === 'CPT') {
    if (!CODE_FORMATS.CPT.test(code)) {
      out.push({ rule: 'cpt-format', severity: 'error', lineIds: [line.id], message: `${code} is not a CPT code: CPT codes are five digits (99213), or four digits followed by F, T or U (3074F, 0042T, 0001U).` });
    } else if (opts.cptDescriptions && !opts.cptDescriptions.has(code)) {
      out.push({ rule: 'cpt-not-in-org-list', severity: 'info', lineIds: [line.id], message: `${code} is not in your organisation's CPT list; check the code.` });
    }
    return;
  }
  if (!CODE_FORMATS.HCPCS.test(code)) {
    out.push({ rule: 'hcpcs-format', severity: 'error', lineIds: [line.id], message: `${code} is not a HCPCS Level II code: a letter followed by four digits (J1100).` });
    return;
  }
  const h = codeSets.hcpcs;
  if (!h) return;
  const rec = h.procedures.get(code);
  if (!rec) {
    const later = dos >= '2026-04-01' ? ' It may have been added by a later quarterly update that is not loaded.' : '';
    out.push({ rule: 'hcpcs-unknown', severity: 'error', lineIds: [line.id], message: `${code} is not in the HCPCS Level II file of January 2026.${later}` });
    return;
  }
  if (!hcpcsValidOn(rec, dos)) {
    const why = rec.terminationDate && rec.terminationDate < dos
      ? `was terminated on ${formatDate(rec.terminationDate)}`
      : `was added on ${formatDate(rec.dateAdded!)}`;
    out.push({ rule: 'hcpcs-not-valid-for-date', severity: 'error', lineIds: [line.id], message: `${code} (${rec.short}) ${why}, so it is not valid for the date of service ${formatDate(dos)}.` });
  }
}

function checkModifiers(codeSets: CodeSets, line: CodeLine, dos: string, out: Finding[]): void {
  if (!line.modifiers?.length) return;
  if (line.system === 'ICD-10-CM' || line.system === 'ICD-10-PCS') {
    out.push({ rule: 'modifier-not-allowed', severity: 'warning', lineIds: [line.id], message: `Modifiers apply to CPT and HCPCS lines only; ${displayCode(line.system, line.code)} is an ${line.system} code.` });
    return;
  }
  for (const raw of line.modifiers) {
    const m = raw.trim().toUpperCase();
    if (!CODE_FORMATS.modifier.test(m)) {
      out.push({ rule: 'modifier-format', severity: 'error', lineIds: [line.id], message: `Modifier '${raw}' is not valid: a modifier is two letters or digits (25, LT, XS).` });
      continue;
    }
    if (/^\d{2}$/.test(m)) continue; // CPT modifiers (25, 59, ...) are not in the HCPCS file
    const rec = codeSets.hcpcs?.modifiers.get(m);
    if (!codeSets.hcpcs) continue;
    if (!rec) {
      out.push({ rule: 'modifier-unknown', severity: 'warning', lineIds: [line.id], message: `Modifier ${m} is not in the HCPCS Level II modifier list (January 2026).` });
    } else if (!hcpcsValidOn(rec, dos)) {
      out.push({ rule: 'modifier-unknown', severity: 'warning', lineIds: [line.id], message: `Modifier ${m} (${rec.short}) is not valid on ${formatDate(dos)}${rec.terminationDate ? `: it was terminated on ${formatDate(rec.terminationDate)}` : ''}.` });
    }
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function checkRoles(setting: Setting, dx: CodeLine[], out: Finding[]): void {
  const expected = setting === 'inpatient' ? 'principal' : 'first-listed';
  const wrong = setting === 'inpatient' ? 'first-listed' : 'principal';
  const wrongLines = dx.filter((l) => l.role === wrong);
  for (const l of wrongLines) {
    out.push({
      rule: 'role-setting-mismatch', severity: 'error', lineIds: [l.id],
      message: `${displayCode('ICD-10-CM', l.code)} is marked ${wrong}, but ${article(setting)} ${setting} encounter has a ${expected} diagnosis (${setting === 'inpatient' ? 'inpatient stays report a principal diagnosis' : 'outpatient, emergency and professional claims report a first-listed diagnosis'}).`,
      suggestions: [expected]
    });
  }
  const primary = dx.filter((l) => l.role === expected || l.role === wrong);
  if (primary.length !== 1) {
    out.push({
      rule: 'primary-diagnosis-count', severity: 'error', lineIds: primary.map((l) => l.id),
      message: primary.length === 0
        ? `There is no ${expected} diagnosis; ${article(setting)} ${setting} encounter needs exactly one.`
        : `There are ${primary.length} ${expected} diagnoses (${primary.map((l) => displayCode('ICD-10-CM', l.code)).join(', ')}); ${article(setting)} ${setting} encounter has exactly one, the others are secondary.`
    });
  } else if (dx[0] !== primary[0]) {
    // The claim reports it first (UB-04 FL 67, CMS-1500 item 21 A), and pointer letters follow
    // the line order: a primary diagnosis further down is usually a slip in ordering.
    const at = dx.indexOf(primary[0]);
    out.push({
      rule: 'primary-not-first', severity: 'warning', lineIds: [primary[0].id],
      message: `${displayCode('ICD-10-CM', primary[0].code)} is the ${primary[0].role.replace(/-/g, ' ')} diagnosis but is diagnosis ${at + 1} of ${dx.length}; claims report it first: move it to the top of the diagnoses.`
    });
  }
}

function checkDuplicates(lines: CodeLine[], out: Finding[]): void {
  const groups = new Map<string, CodeLine[]>();
  for (const l of lines) {
    const mods = l.system === 'CPT' || l.system === 'HCPCS' ? (l.modifiers ?? []).map((m) => m.toUpperCase()).sort().join(',') : '';
    const key = `${l.system}|${normalizeCode(l.system, l.code)}|${mods}`;
    const g = groups.get(key) ?? [];
    g.push(l);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const shown = displayCode(g[0].system, g[0].code);
    out.push({
      rule: 'duplicate-code', severity: 'warning', lineIds: g.map((l) => l.id),
      message: g[0].system === 'ICD-10-CM'
        ? `${shown} is listed ${g.length} times; a diagnosis code is reported once per encounter.`
        : `${shown} is listed ${g.length} times with the same modifiers; report it once with units, or add the modifier that explains the repeat.`
    });
  }
}

function checkExcludes1(codeSets: CodeSets, dx: CodeLine[], year: ReturnType<typeof pickYear>, out: Finding[]): void {
  if (!excludesFor(codeSets, year?.fy ?? 2026).set || dx.length < 2) return;
  const codes = dx.map((l) => normalizeCode('ICD-10-CM', l.code));
  // Each code's notes once per call (not once per pair): O(n) note lookups, O(n²) cheap range tests.
  const notes = codes.map((c) => applicableNotes(codeSets, c, year).filter((n) => n.type === 'excludes1'));
  for (let a = 0; a < dx.length; a++) {
    for (let b = a + 1; b < dx.length; b++) {
      if (codes[a] === codes[b]) continue;
      const hits = [...excludes1Between(codeSets, codes[a], codes[b], year, notes[a]), ...excludes1Between(codeSets, codes[b], codes[a], year, notes[b])];
      if (hits.length === 0) continue;
      const h = hits[0];
      const owner = displayCode('ICD-10-CM', h.noteOwner), excluded = displayCode('ICD-10-CM', h.excluded);
      const where = h.note.level === 'chapter' || h.note.level === 'block' ? `${h.note.printedAt} (${h.note.title})` : `${h.note.printedAt} ${h.note.title}`;
      out.push({
        rule: 'excludes1-conflict', severity: 'warning', lineIds: [dx[a].id, dx[b].id],
        message: `Excludes1 at ${where}, which applies to ${owner}: "${h.note.text}". ${owner} and ${excluded} are normally not coded together; the exception is when the two conditions are unrelated.`
      });
    }
  }
}
