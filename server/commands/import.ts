/**
 * Import of encounters from a JSON file in the shape of the demo file. Each item is validated
 * and written on its own (one insertOne: atomic), so a bad item is rejected whole with its
 * reasons while the good ones are created.
 */
import type { z } from 'zod';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors';
import { importItemSchema, type ImportResultDto } from '../../src/lib/protocol/encounters';
import { createEncounter } from './encounters';

const issuesOf = (error: z.ZodError) =>
  error.issues.slice(0, 10).map((i) => ({
    field: i.path.map(String).join('.') || 'item',
    message: i.code === 'unrecognized_keys' ? `unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}` : i.message
  }));

export async function importEncounters(ctx: AppContext, actor: Actor, items: unknown[]): Promise<ImportResultDto> {
  const result: ImportResultDto = { created: 0, rejected: 0, items: [] };
  for (const [index, raw] of items.entries()) {
    const key = typeof raw === 'object' && raw && typeof (raw as { key?: unknown }).key === 'string' ? (raw as { key: string }).key : undefined;
    const parsed = importItemSchema.safeParse(raw);
    if (!parsed.success) {
      result.rejected++;
      result.items.push({ index, key, status: 'rejected', errors: issuesOf(parsed.error) });
      continue;
    }
    const { proposedCodes, flag, flags, key: _key, ...meta } = parsed.data;
    try {
      const enc = await createEncounter(ctx, actor, { ...meta, codeLines: proposedCodes, flags: [...(flag ? [flag] : []), ...(flags ?? [])] }, 'import');
      result.created++;
      result.items.push({ index, key, status: 'created', id: enc._id });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'invalid_input') throw err;
      result.rejected++;
      result.items.push({ index, key, status: 'rejected', errors: [{ field: (err.details as { field?: string })?.field ?? 'item', message: err.message }] });
    }
  }
  return result;
}
