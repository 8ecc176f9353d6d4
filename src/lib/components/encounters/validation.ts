/** zod issues → a field map keyed like the server's error.field ("documents.0.text"). */
import type { ZodError } from 'zod';

export function fieldErrors(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (out[key]) continue;
    const i = issue as { code: string; minimum?: number | bigint; origin?: string };
    // Empty optional inputs are dropped before parsing, so a missing required one reads "received undefined".
    out[key] = (i.code === 'invalid_type' && /received undefined/.test(issue.message)) ? 'is required'
      : i.code === 'too_small' && i.origin === 'string' && Number(i.minimum) === 1 ? 'is required'
      : i.code === 'invalid_value' ? 'choose one of the options'
      : issue.message;
  }
  return out;
}

/** aria attributes for an input whose errors live in FieldError. */
export const invalid = (errors: Record<string, string>, path: string) =>
  errors[path] ? { 'aria-invalid': true, 'aria-describedby': `err-${path.replaceAll('.', '-')}` } : {};
