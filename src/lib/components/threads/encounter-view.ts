/** What the encounter page shows of its discussion beside other panels (pure, from the room's threads). */
import type { ThreadDto } from '$lib/protocol/threads';

/** Text-anchored threads as documentation highlights. */
export function threadMarks(threads: ThreadDto[], openId: string | null) {
  return threads.flatMap((t) => t.anchor.type === 'text'
    ? [{ id: t.id, documentId: t.anchor.documentId, start: t.anchor.start, end: t.anchor.end, label: t.title ?? t.anchor.quote.slice(0, 80), active: t.id === openId }]
    : []);
}

/** Threads per code line id (the live code editor shows the count on each line). */
export function codeLineThreadCounts(threads: ThreadDto[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of threads) if (t.anchor.type === 'code-line') m.set(t.anchor.codeLineId, (m.get(t.anchor.codeLineId) ?? 0) + 1);
  return m;
}

/** Messages (not deleted) in a flag's thread; null when the flag has no thread yet. */
export function flagMessageCount(threads: ThreadDto[], flagId: string): number | null {
  const t = threads.find((x) => x.anchor.type === 'flag' && x.anchor.flagId === flagId);
  return t ? t.messages.filter((m) => !m.deleted).length : null;
}
