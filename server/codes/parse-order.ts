/**
 * Parser of the CMS ICD-10-CM / ICD-10-PCS order files (fixed width, same layout for both).
 *
 * Layout (1-based): 1–5 order number, 7–13 code without dot, 15 billable flag (1/0),
 * 17–76 short description, 78–end long description. See the data README.
 *
 * Invariants:
 * - Entries are returned in file order (= tabular order); the order number must be consecutive,
 *   otherwise the file is damaged and we throw rather than serve a partial code set.
 * - Fields are read by position and trimmed; nothing is inferred from the text.
 */
import type { OrderEntry } from './types';

export function parseOrderFile(text: string, what = 'order file'): OrderEntry[] {
  const out: OrderEntry[] = [];
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (lineEnd > start) {
      const line = text.slice(start, lineEnd);
      const seq = Number(line.slice(0, 5));
      if (seq !== out.length + 1) throw new Error(`${what}: line ${out.length + 1} has order number ${line.slice(0, 5)}`);
      const flag = line[14];
      if (flag !== '0' && flag !== '1') throw new Error(`${what}: line ${seq} has billable flag '${flag}'`);
      out.push({
        code: line.slice(6, 13).trim(),
        billable: flag === '1',
        short: line.slice(16, 76).trim(),
        long: line.slice(77).trim()
      });
    }
    start = end + 1;
  }
  return out;
}
