/** Runs the pure validator for an encounter's facts and lines, with the organisation's CPT list. */
import type { AppContext } from '../context';
import { fiscalYearFor } from './fiscal-year';
import { validateCodeLines } from './validate';
import { codeLineInfo } from './line-info';
import { codeLineSeverity } from './severity';
import type { CodeLine, Setting } from '../../src/lib/protocol/encounters';
import type { ValidationDto } from '../../src/lib/protocol/codes';

export async function validationFor(ctx: AppContext, orgId: string, facts: { setting: Setting; dateOfService: string }, lines: CodeLine[]): Promise<ValidationDto> {
  const fiscalYear = fiscalYearFor(facts.dateOfService);
  let codeSets;
  try {
    codeSets = await ctx.codeSets.get();
  } catch {
    const { state, message } = ctx.codeSets.status();
    return { state, message, fiscalYear, findings: [] };
  }
  const cptDescriptions = await ctx.cpt.forOrg(orgId);
  const findings = validateCodeLines(codeSets, facts, lines, { cptDescriptions });
  return {
    state: 'ready', fiscalYear, findings,
    message: `Checked against the FY${fiscalYear} code sets${fiscalYear >= 2027 && codeSets.tabular ? ` (Excludes: FY${fiscalYear} extract; Code first, Use additional code, Code also and 7th characters: FY${codeSets.tabular.fy} Tabular)` : ''}`,
    severity: codeLineSeverity(codeSets, facts, lines),
    lines: codeLineInfo(codeSets, facts.dateOfService, lines, cptDescriptions)
  };
}

/**
 * Never waits for the code sets: while they are still loading (3-10 s after a start) the answer
 * is a "loading" validation, so an encounter can be shown at once; the findings follow through
 * the live editor's `collab.findings` or `GET /api/encounters/:id/validation` (which waits).
 */
export async function validationNow(ctx: AppContext, orgId: string, facts: { setting: Setting; dateOfService: string }, lines: CodeLine[]): Promise<{ validation: ValidationDto; pending: boolean }> {
  if (!ctx.codeSets.ready() && ctx.codeSets.status().state === 'loading') {
    return { pending: true, validation: { state: 'loading', message: 'Checking codes: the code sets are still loading', fiscalYear: fiscalYearFor(facts.dateOfService), findings: [] } };
  }
  return { pending: false, validation: await validationFor(ctx, orgId, facts, lines) };
}
