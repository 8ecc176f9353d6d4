/** Parses input with a zod schema; a failure becomes a 400 that names the first bad field. */
import type { z } from 'zod';
import { AppError } from '../errors';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : where;
  const message = issue.code === 'unrecognized_keys'
    ? `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`
    : issue.message;
  throw new AppError('invalid_input', `${field}: ${message}`, { field });
}
