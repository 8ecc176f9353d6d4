/**
 * Benchmark: the one validation function, as the editor and the live co-editing room call it
 * after every change. A 12-line inpatient-style code set (diagnoses, a CPT and a HCPCS line) is
 * validated 200 times; the baseline in the same run only looks every code up in the tables
 * (the least any validator must do). Reports ms per validation and the ratio. Never fails on
 * timing (this replaced a timed assertion that used to live in the unit tests).
 */
import path from 'node:path';
import { loadCodeSets, validateCodeLines } from '../server/codes/index';
import type { CodeLine } from '../src/lib/protocol/encounters';

const SHARED = process.env.GRAYCASE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../shared/data');
const RUNS = 200;

let n = 0;
const line = (system: CodeLine['system'], code: string, role: CodeLine['role'], extra: Partial<CodeLine> = {}): CodeLine =>
  ({ id: `l${++n}`, system, code, role, ...extra });

export async function run(): Promise<void> {
  const cs = await loadCodeSets(SHARED);
  const lines: CodeLine[] = [line('ICD-10-CM', 'E11.9', 'first-listed'),
    ...['I10', 'N18.32', 'Z79.4', 'E66.813', 'J44.1', 'J96.22', 'K35.80', 'A41.9', 'R65.20'].map((c) => line('ICD-10-CM', c, 'secondary')),
    line('CPT', '99214', 'procedure', { modifiers: ['25'], pointers: [1] }), line('HCPCS', 'J1100', 'procedure')];
  const facts = { setting: 'outpatient' as const, dateOfService: '2026-05-04' };
  const time = (fn: () => unknown) => { fn(); const t = performance.now(); for (let i = 0; i < RUNS; i++) fn(); return (performance.now() - t) / RUNS; };
  const full = time(() => validateCodeLines(cs, facts, lines));
  const year = cs.cm.get(2026)!;
  const baseline = time(() => lines.map((l) => year.index.get(l.code.replace('.', ''))));
  console.log(`validate: ${lines.length} lines in ${full.toFixed(3)} ms per validation (goal: well under a keystroke, < 20 ms); lookup-only baseline ${baseline.toFixed(4)} ms; ratio ${(full / Math.max(baseline, 1e-6)).toFixed(0)}x`);
}
