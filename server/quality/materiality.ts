/**
 * Whether a coding error is material: it changes payment or severity. For an inpatient stay,
 * decided from the MS-DRG v43 CC/MCC tables (server/codes/severity.ts, another module's
 * functions used as they are): a CC or MCC that counts was added or removed, or one became
 * excluded (or stopped being excluded) by the principal diagnosis; a changed principal
 * diagnosis changes the MS-DRG itself. Elsewhere, or with the tables off, the resolver's
 * judgement stands. Pure apart from reading the loaded tables.
 */
import { codeLineSeverity } from '../codes/severity';
import type { CodeSets } from '../codes/types';
import { normalizeCode } from '../../src/lib/protocol/codes';
import type { CodeLine, Setting } from '../../src/lib/protocol/encounters';
import type { ErrorTagDto, ErrorTagInput, SeverityChangeDto } from '../../src/lib/protocol/resolutions';

type Facts = { setting: Setting; dateOfService: string };

/** Counted CC/MCC codes and excluded ones of a code set, or null when severity does not apply. */
function severitySets(codeSets: Pick<CodeSets, 'severity'>, facts: Facts, lines: CodeLine[]) {
  const s = codeLineSeverity(codeSets, facts, lines);
  if (s.state !== 'ready') return null;
  const codeOf = new Map(lines.map((l) => [l.id, normalizeCode(l.code)]));
  const counted = new Set<string>(), excluded = new Set<string>();
  for (const l of s.lines) {
    if (!l.level) continue;
    (l.excluded ? excluded : counted).add(codeOf.get(l.lineId)!);
  }
  return { counted, excluded };
}

export function severityChange(codeSets: Pick<CodeSets, 'severity'> | null, facts: Facts, before: CodeLine[], after: CodeLine[]): SeverityChangeDto | null {
  if (!codeSets || facts.setting !== 'inpatient') return null;
  const a = severitySets(codeSets, facts, before), b = severitySets(codeSets, facts, after);
  if (!a || !b) return null;
  const pdx = (lines: CodeLine[]) => lines.find((l) => l.system === 'ICD-10-CM' && l.role === 'principal');
  const p0 = pdx(before), p1 = pdx(after);
  return {
    added: [...b.counted].filter((c) => !a.counted.has(c)),
    removed: [...a.counted].filter((c) => !b.counted.has(c) && !b.excluded.has(c)),
    excluded: [...b.excluded].filter((c) => !a.excluded.has(c)),
    principalChanged: (p0 ? normalizeCode(p0.code) : null) !== (p1 ? normalizeCode(p1.code) : null)
  };
}

export const isMaterialChange = (c: SeverityChangeDto) => c.added.length + c.removed.length + c.excluded.length > 0 || c.principalChanged;

/**
 * Each tag marked material or not. With a severity change at hand: a tag naming a code is
 * material when that code's CC/MCC status changed (or it is the principal that changed); a tag
 * naming no code is material when anything material changed.
 */
export function markErrorTags(tags: ErrorTagInput[], change: SeverityChangeDto | null, principals: string[]): ErrorTagDto[] {
  return tags.map((t) => {
    const base = { tag: t.tag, code: t.code ?? null, note: t.note ?? null };
    if (!change) return { ...base, material: t.material ?? false, materialSource: 'resolver' as const };
    const code = t.code ? normalizeCode(t.code) : null;
    const touched = new Set([...change.added, ...change.removed, ...change.excluded, ...(change.principalChanged ? principals : [])]);
    const material = code ? touched.has(code) : isMaterialChange(change);
    return { ...base, material, materialSource: 'ms-drg' as const };
  });
}
