/**
 * Labels for what a thread or a chip points at, and scrolling to it on the page.
 * Passages are found by `[data-document-text=<documentId>]` (the documentation containers,
 * which hold nothing but the text: offsets are UTF-16 positions in it) and code lines by
 * `[data-line-id=<codeLineId>]` (the live code editor's rows).
 */
import type { MessageRef, ThreadAnchor } from '$lib/protocol/threads';

export interface AnchorContext {
  documents: { id: string; title: string }[];
  codeLines: { id: string; code: string }[];
  flags: { id: string; question: string }[];
}

const clip = (s: string, n = 60) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function anchorLabel(a: ThreadAnchor | MessageRef, ctx: AnchorContext): string {
  switch (a.type) {
    case 'text':
    case 'quote':
      return `“${clip(a.quote)}”`;
    case 'code-line': {
      const line = ctx.codeLines.find((l) => l.id === a.codeLineId);
      return line ? `Code line ${line.code}` : 'A removed code line';
    }
    case 'flag': {
      const f = ctx.flags.find((x) => x.id === a.flagId);
      return f ? `Flag: ${clip(f.question, 50)}` : 'A flag';
    }
    default:
      return 'Whole encounter';
  }
}

function rangeIn(el: Element, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = (n as Text).data.length;
    if (!started && start < seen + len) { range.setStart(n, start - seen); started = true; }
    if (started && end <= seen + len) { range.setEnd(n, end - seen); return range; }
    seen += len;
  }
  return null;
}

/** Scrolls to a passage and marks it briefly (CSS Custom Highlight where the browser has it). */
export function scrollToPassage(documentId: string, start: number, end: number): boolean {
  const el = document.querySelector(`[data-document-text="${CSS.escape(documentId)}"]`);
  const range = el && rangeIn(el, start, end);
  if (!range) return false;
  const rect = range.getBoundingClientRect();
  window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'smooth' });
  const reg = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const H = (globalThis as unknown as { Highlight?: new (r: Range) => unknown }).Highlight;
  if (reg && H) {
    reg.set('thread-jump', new H(range));
    setTimeout(() => reg.delete('thread-jump'), 2000);
  }
  return true;
}

export function scrollToCodeLine(codeLineId: string): boolean {
  const el = document.querySelector<HTMLElement>(`[data-line-id="${CSS.escape(codeLineId)}"]`);
  if (!el) return false;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.add('ring-2', 'ring-sky-400');
  setTimeout(() => el.classList.remove('ring-2', 'ring-sky-400'), 2000);
  return true;
}

export function scrollToRef(r: ThreadAnchor | MessageRef): boolean {
  if (r.type === 'text' || r.type === 'quote') return scrollToPassage(r.documentId, r.start, r.end);
  if (r.type === 'code-line') return scrollToCodeLine(r.codeLineId);
  if (r.type === 'flag') {
    const el = document.querySelector<HTMLElement>(`[data-flag-id="${CSS.escape(r.flagId)}"]`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return !!el;
  }
  return false;
}
