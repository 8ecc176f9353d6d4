/**
 * Drug and brand names from a well-kept dictionary (scripts/ensure-drug-names.mjs unpacks the
 * PyPI package drug-named-entity-recognition into .tools/), so "Tepezza", "Cerdelga" or
 * "Salagen" are never taken for a person or a town. Only single words are kept, and never one
 * that is also a census first name, a surname of the 20,000 most frequent, a town of the
 * gazetteer or an English word ("Allegra", "Kendrick", "Hope" stay possible names).
 * Optional like the census lists: GRAYCASE_DRUG_NAMES points at another file, 'off' disables.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nameLists } from './lexicon';
import { cityPopulation } from './gazetteer';
import { englishWords } from './vocabulary';

const DEFAULT_FILE = fileURLToPath(new URL('../../.tools/drug-names-v2.0.9.txt', import.meta.url));
const SURNAME_RANK = 20_000;

let names: Set<string> | null = null;

function file(): string | null {
  const env = process.env.GRAYCASE_DRUG_NAMES?.trim();
  if (env === 'off') return null;
  return env || DEFAULT_FILE;
}

function load(): Set<string> {
  const out = new Set<string>();
  const f = file();
  if (!f || !existsSync(f)) return out;
  const census = nameLists();
  const english = englishWords();
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    const w = line.trim();
    if (w.length < 4 || !/^[a-z][a-z-]*[a-z]$/.test(w)) continue;
    if (census?.first.has(w) || (census?.last.get(w) ?? Infinity) <= SURNAME_RANK || english.has(w) || cityPopulation(w) > 0) continue;
    out.add(w);
  }
  return out;
}

/** Whether the word (any case) is a drug or brand name of the dictionary. */
export function isListedDrug(word: string): boolean {
  names ??= load();
  return names.has(word.toLowerCase().replace(/['’]s$/, ''));
}
