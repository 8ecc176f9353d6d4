/**
 * Identifiers written in another script or language, as records that cross borders quote them
 * (blind rounds 10 and 12): "Lê Văn Hùng", "Коваленко Софія Олександрівна", "山本 春樹",
 * "2025年3月18日", "令和7年3月5日", "Міська дитяча поліклініка №16", "Bệnh viện Chợ Rẫy".
 * The English rules know none of these words; their shape does the work:
 *  - Vietnamese: two to four capitalised syllables in a row, one with a letter only Vietnamese
 *    writes (ă, ơ, ư, đ, a tone mark below...): a person (a sentence has one capital only);
 *    after "Bệnh viện" (hospital) or "Phòng khám" (clinic) the syllables name a facility;
 *  - Cyrillic: two or three capitalised words or initials in a row are a person; words before
 *    "№ 16" name a numbered institution (polyclinic, maternity home, school);
 *  - CJK: a date in year-month-day characters, also by era; two short runs of ideographs
 *    separated by a space ("山本 春樹") are a family and a given name.
 * Invariants: pure; hits cover the words only.
 */
import type { Hit } from './hits';

const VI_ONLY = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]/u;
const VI_SYLLABLE = "\\p{Lu}\\p{Ll}{0,6}";
const VI_RUN = new RegExp(`(?<![\\p{L}\\p{N}])${VI_SYLLABLE}(?:[ \\t]+${VI_SYLLABLE}){1,3}(?![\\p{L}\\p{N}])`, 'gu');
const VI_FACILITY = /(?<![\p{L}])(?:Bệnh viện|Phòng khám|Trạm y tế|Trung tâm y tế)[ \t]+(\p{Lu}\p{Ll}{0,6}(?:[ \t]+\p{Lu}\p{Ll}{0,6}){0,4})(?![\p{L}])/gu;

const CY_WORD = '\\p{Script=Cyrillic}';
const CY_NAME_WORD = `(?:\\p{Lu}${CY_WORD}*\\p{Ll}${CY_WORD}*|\\p{Lu}\\.(?:[ \\t]?\\p{Lu}\\.)?)`;
const CY_PERSON = new RegExp(`(?<![\\p{L}])(?=\\p{Script=Cyrillic})${CY_NAME_WORD}(?:[ \\t]+${CY_NAME_WORD}){1,2}(?![\\p{L}])`, 'gu');
const CY_NUMBERED = new RegExp(`(?<![\\p{L}])\\p{Lu}${CY_WORD}+(?:[ \\t]+${CY_WORD}+){0,4}[ \\t]*№[ \\t]*\\d{1,4}`, 'gu');

const CJK = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK_DATE = /(?:(?:令和|平成|昭和|大正)\d{1,2}|\d{4})年\d{1,2}月\d{1,2}日/gu;
const CJK_NAME = new RegExp(`(?<!${CJK})${CJK}{1,3}[ \\t\\u3000]${CJK}{1,3}(?!${CJK})`, 'gu');

export function findForeignScriptIds(text: string): Hit[] {
  const out: Hit[] = [];
  if (VI_ONLY.test(text)) {
    for (const m of text.matchAll(VI_FACILITY)) out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: 'Vietnamese facility name' });
    for (const m of text.matchAll(VI_RUN)) {
      if (!VI_ONLY.test(m[0]) || out.some((h) => h.start <= m.index && m.index < h.end)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, type: 'NAME', reason: 'Vietnamese name (syllables with Vietnamese letters)' });
    }
  }
  if (/\p{Script=Cyrillic}/u.test(text)) {
    for (const m of text.matchAll(CY_NUMBERED)) out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY', reason: 'numbered institution (Cyrillic)' });
    for (const m of text.matchAll(CY_PERSON)) {
      if (out.some((h) => h.start <= m.index && m.index < h.end)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, type: 'NAME', reason: 'Cyrillic name (capitalised words or initials)' });
    }
  }
  if (/\p{Script=Han}|\p{Script=Hangul}/u.test(text)) {
    for (const m of text.matchAll(CJK_DATE)) out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', reason: 'date in year-month-day characters' });
    for (const m of text.matchAll(CJK_NAME)) out.push({ start: m.index, end: m.index + m[0].length, type: 'NAME', reason: 'family and given name in ideographs' });
  }
  return out;
}
