/** Shared by the code-set unit tests: where the official files are, and a line builder. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeLine } from '../../../src/lib/protocol/encounters';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedData = process.env.GRAYCASE_SHARED_DATA ?? path.resolve(projectRoot, '../shared/data');

let n = 0;
export function line(system: CodeLine['system'], code: string, role: CodeLine['role'], extra: Partial<CodeLine> = {}): CodeLine {
  return { id: extra.id ?? `l${++n}`, system, code, role, ...extra };
}
