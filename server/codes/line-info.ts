/**
 * What each code line's code is (description, billable / header / terminated, CC/MCC), for the
 * tables that show bare codes. Pure; unknown codes get status `unknown` (the validator says why).
 */
import type { LineInfoDto } from '../../src/lib/protocol/codes';
import { fiscalYearFor } from './fiscal-year';
import { normalizeCode } from './normalize';
import { hcpcsValidOn } from './parse-hcpcs';
import { severityOf } from './severity';
import { pickYear } from './validate-icd';
import type { CodeLine, CodeSets } from './types';

export function codeLineInfo(codeSets: CodeSets, dateOfService: string, lines: CodeLine[], cpt?: Map<string, string>): LineInfoDto[] {
  const fy = fiscalYearFor(dateOfService);
  return lines.map((l): LineInfoDto => {
    const code = normalizeCode(l.system, l.code);
    if (l.system === 'ICD-10-CM' || l.system === 'ICD-10-PCS') {
      const y = pickYear(l.system === 'ICD-10-CM' ? codeSets.cm : codeSets.pcs, fy);
      const i = y?.index.get(code);
      if (!y || i === undefined) return { lineId: l.id, description: null, status: 'unknown', severity: null };
      const e = y.list[i];
      return { lineId: l.id, description: e.long, status: e.billable ? 'billable' : 'header', severity: l.system === 'ICD-10-CM' ? severityOf(codeSets, code) : null };
    }
    if (l.system === 'HCPCS') {
      const rec = codeSets.hcpcs?.procedures.get(code);
      if (!rec) return { lineId: l.id, description: null, status: 'unknown', severity: null };
      return { lineId: l.id, description: rec.long, status: hcpcsValidOn(rec, dateOfService) ? 'billable' : 'terminated', severity: null };
    }
    const d = cpt?.get(code);
    return { lineId: l.id, description: d ?? null, status: d ? 'billable' : 'unknown', severity: null };
  });
}
