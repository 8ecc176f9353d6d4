/**
 * Text offsets and highlight segments for documentation shown verbatim.
 * Invariant: offsets are UTF-16 positions in the document's own text. They are measured with a
 * DOM Range from the start of the section's text container, and Range.toString() counts only
 * Text nodes, so <mark> wrappers, comment anchors and CSS-generated labels never shift them.
 * A container must therefore hold nothing but the document text (split into spans/marks).
 */

export interface Passage { start: number; end: number; quote: string }

/** Length of the text between the start of `container` and the point (node, offset). */
export function offsetIn(container: Node, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(container, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/**
 * The part of `range` that falls inside `container`, as offsets into `text` (the same text the
 * container renders). Leading and trailing whitespace is dropped; null when nothing remains.
 */
export function passageIn(container: HTMLElement, range: Range, text: string): Passage | null {
  if (!range.intersectsNode(container)) return null;
  const r = range.cloneRange();
  if (!container.contains(r.startContainer)) r.setStart(container, 0);
  if (!container.contains(r.endContainer)) r.setEnd(container, container.childNodes.length);
  let start = offsetIn(container, r.startContainer, r.startOffset);
  let end = offsetIn(container, r.endContainer, r.endOffset);
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (end <= start) return null;
  return { start, end, quote: text.slice(start, end) };
}

/** The current window selection inside one of the containers (first one intersected). */
export function currentPassage<K>(containers: { key: K; el: HTMLElement; text: string }[]): (Passage & { key: K }) | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  for (const c of containers) {
    const p = passageIn(c.el, range, c.text);
    if (p) return { ...p, key: c.key };
  }
  return null;
}

export interface Span<T> { start: number; end: number; data: T }
export interface Segment<T> { start: number; end: number; text: string; covers: T[] }

/** Cuts `text` at every span edge; each piece lists the spans covering it (overlaps allowed). */
export function segment<T>(text: string, spans: Span<T>[]): Segment<T>[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: Segment<T>[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!, b = cuts[i + 1]!;
    if (b > a) out.push({ start: a, end: b, text: text.slice(a, b), covers: valid.filter((s) => s.start <= a && s.end >= b).map((s) => s.data) });
  }
  return out;
}

/** A mark over document text: `id` keys it, `active` makes it the strong highlight that is scrolled to. */
export interface TextMark { id: string; active: boolean; label: string; kind?: 'flag' | 'thread' }

/** The thread a click on a document opens: the first thread of the mark under it, none while a selection is being made. */
export function threadIdAt(e: MouseEvent): string | undefined {
  if (!window.getSelection()?.isCollapsed) return undefined;
  return (e.target as HTMLElement).closest?.('mark[data-threads]')?.getAttribute('data-threads')?.split(' ')[0] || undefined;
}
