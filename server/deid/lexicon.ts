/**
 * Word lists detection consults, loaded once: the exception list (clinical terms that are also
 * names: eponyms, place-named diseases, drugs, common words; lists/clinical-terms.json), known
 * health systems (lists/facilities.json), and the US Census 1990 name frequency lists read at run
 * time from the shared data folder (never copied into the project).
 * Invariants: every set holds lower-cased words; the census lists are optional: when the folder
 * is absent the detector still runs, on context rules alone (lower recall, same precision rules).
 * Where the names come from: GRAYCASE_NAMES_DIR ('off' disables), else GRAYCASE_SHARED_DATA/names,
 * else the code-set folder's names/ (../shared/data in this workspace), see server/codes/folder.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveCodeSetsDir } from '../codes/folder';
import terms from './lists/clinical-terms.json';
import facilities from './lists/facilities.json';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
export const EPONYMS = lower(terms.eponyms);
export const DRUGS = lower(terms.drugs);
export const COMMON_WORDS = lower(terms.commonWords);
/** Languages, peoples, faiths, payers and vendors that identify nobody ("speaks French", "husband is Welsh"). */
export const NOT_IDENTIFYING = lower(terms.notIdentifying);
/** Clinical abbreviations ("auth", "CABG", "PRN"). */
export const CLINICAL_ABBREVIATIONS = lower(terms.abbreviations);
/** Place-named diseases, longest first so "Rocky Mountain spotted fever" wins over "Rocky Mountain". */
export const PLACE_DISEASES = [...terms.placeNamedDiseases].sort((a, b) => b.length - a.length);
export const FACILITY_SYSTEMS = [...facilities.systems].sort((a, b) => b.length - a.length);
export const FACILITY_HEADS = [...facilities.headWords].sort((a, b) => b.length - a.length);

/** A word that is a clinical term or an ordinary word: a name only with a strong cue. */
export function isClinicalOrCommon(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  return EPONYMS.has(w) || DRUGS.has(w) || COMMON_WORDS.has(w);
}

export interface NameLists {
  /** first name -> frequency in percent (female and male lists merged, max of both) */
  first: Map<string, number>;
  /** surname -> rank (1 = most frequent) */
  last: Map<string, number>;
}

let dirOverride: string | null | undefined;
let cached: NameLists | null | undefined;

/** Points the loader at a folder holding dist.*.first / dist.all.last (null = none); for tests and boot. */
export function setNamesDir(dir: string | null | undefined): void {
  dirOverride = dir;
  cached = undefined;
}

function namesDir(): string | null {
  if (dirOverride !== undefined) return dirOverride;
  const env = process.env.GRAYCASE_NAMES_DIR?.trim();
  if (env === 'off') return null;
  if (env) return env;
  const shared = process.env.GRAYCASE_SHARED_DATA?.trim();
  if (shared) return path.join(shared, 'names');
  // Relative to the project, not the working directory, like the server's code-set folder.
  const codes = resolveCodeSetsDir(process.env, PROJECT_ROOT);
  return codes ? path.join(codes, 'names') : null;
}

function readList(file: string, onRow: (name: string, freq: number, rank: number) => void): void {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const name = line.slice(0, 15).trim();
    if (!name) continue;
    const [freq, , rank] = line.slice(15).trim().split(/\s+/).map(Number);
    onRow(name.toLowerCase(), freq ?? 0, rank ?? 0);
  }
}

/** The census lists, or null when they are not installed. */
export function nameLists(): NameLists | null {
  if (cached !== undefined) return cached;
  const dir = namesDir();
  if (!dir || !existsSync(path.join(dir, 'dist.all.last'))) return (cached = null);
  const first = new Map<string, number>(), last = new Map<string, number>();
  for (const f of ['dist.female.first', 'dist.male.first']) readList(path.join(dir, f), (n, fr) => first.set(n, Math.max(first.get(n) ?? 0, fr)));
  readList(path.join(dir, 'dist.all.last'), (n, _fr, rank) => last.set(n, rank));
  return (cached = { first, last });
}
