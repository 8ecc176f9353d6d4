/**
 * Scanned and faxed pages read by OCR put letters for digits: O for 0, l for 1 ("O7/19/1988",
 * "(412) 555-O198", "l/14/2025", "1O1 y/o"). The number finders read a copy of the text with those
 * letters made digits inside number-like tokens (issue 8, round 9).
 * Invariants: the copy has the same length as the text (one character for one), so a hit found in
 * it indexes the text; a token changes only when it has two digits or more and no more of those
 * letters than digits; a capital I changes only between two digits ("I-10" is a road), and nothing
 * changes next to other letters ("O2", "SpO2", "CO2", "B12", "O157:H7" stay).
 */
const TOKEN = /(?<![A-Za-z])[0-9Ool][0-9OolI\/.:()-]*[0-9Ool](?![0-9OolI\/.:()-]*[A-Za-z])/g;
const GATE = /\d[OolI]|[Ool]\d|(?<![A-Za-z])[Ool][\/.:-]\d/;

export function ocrDigits(text: string): string {
  if (!GATE.test(text)) return text;
  return text.replace(TOKEN, (tok) => {
    const digits = (tok.match(/\d/g) ?? []).length, letters = (tok.match(/[OolI]/g) ?? []).length;
    if (digits < 2 || letters === 0 || letters > digits) return tok;
    return tok.replace(/[OolI]/g, (c, i: number) => {
      if (c === 'I') return /\d/.test(tok[i - 1] ?? '') && /\d/.test(tok[i + 1] ?? '') ? '1' : c;
      return c === 'l' ? '1' : '0';
    });
  });
}

/** Positions where the copy differs from the text, as a predicate for hits found in the copy. */
export function changedWithin(text: string, copy: string): (start: number, end: number) => boolean {
  return (start, end) => {
    for (let i = start; i < end; i++) if (text[i] !== copy[i]) return true;
    return false;
  };
}
