/**
 * A flag's anchor must point at something that exists: a passage inside a documentation
 * section whose quoted text matches the offsets exactly, or an existing code line.
 */
import type { CodeLine, EncounterDocument, FlagAnchor } from '../../src/lib/protocol/encounters';
import { AppError } from '../errors';

const bad = (field: string, message: string) => new AppError('invalid_input', `${field}: ${message}`, { field });

export function checkAnchor(enc: { documents: EncounterDocument[]; codeLines: CodeLine[] }, anchor: FlagAnchor, field = 'anchor'): void {
  if (anchor.type === 'code-line') {
    if (!enc.codeLines.some((l) => l.id === anchor.codeLineId)) throw bad(`${field}.codeLineId`, 'no such code line on this encounter');
    return;
  }
  const doc = enc.documents.find((d) => d.id === anchor.documentId);
  if (!doc) throw bad(`${field}.documentId`, 'no such documentation section on this encounter');
  if (anchor.end <= anchor.start) throw bad(`${field}.end`, 'must be after start');
  if (anchor.end > doc.text.length) throw bad(`${field}.end`, `is past the end of the section (${doc.text.length} characters)`);
  if (doc.text.slice(anchor.start, anchor.end) !== anchor.quote) throw bad(`${field}.quote`, 'does not match the text at these offsets');
}
