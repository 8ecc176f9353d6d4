/**
 * Facts added to search results after ranking: CC/MCC level (ICD-10-CM) and termination date
 * (HCPCS). Kept out of the ranking code (search.ts) so search stays one concern; the route
 * applies it to the page of results only (≤ 50 lookups).
 */
import type { CodeSearchResultDto } from '../../src/lib/protocol/codes';
import { normalizeCode } from './normalize';
import { severityOf } from './severity';
import type { CodeSets } from './types';

export function withCodeFacts<T extends Pick<CodeSearchResultDto, 'system' | 'code'>>(codeSets: CodeSets, results: T[]): (T & Pick<CodeSearchResultDto, 'severity' | 'terminatedOn'>)[] {
  return results.map((r) => {
    if (r.system === 'ICD-10-CM') return { ...r, severity: severityOf(codeSets, r.code) };
    if (r.system === 'HCPCS') {
      const rec = codeSets.hcpcs?.procedures.get(normalizeCode(r.system, r.code));
      return { ...r, terminatedOn: rec?.terminationDate ?? null };
    }
    return r;
  });
}
