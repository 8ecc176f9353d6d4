/**
 * Message bodies are Markdown written by other users: parsed with `marked`, then sanitised
 * with DOMPurify before they reach the DOM ({@html}). Invariants of the output:
 * - no <script>, <style>, <iframe>, forms or other active elements, no event-handler or style
 *   attributes (an allow-list of tags and attributes, not a deny-list);
 * - links only to http(s), mailto or same-page/relative addresses (no `javascript:`, `data:`,
 *   `vbscript:`), always opening with rel="noopener noreferrer" in a new tab;
 * - no images at all: a remote image would tell its host who read the message and when, and
 *   a same-origin one adds nothing a coder needs (they are replaced by their alt text).
 * Raw HTML in the source is not rendered as HTML: marked passes it through, DOMPurify drops
 * every tag outside the allow-list and keeps only text.
 */
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const escapeText = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const marked = new Marked({
  gfm: true, breaks: true, async: false,
  // Markdown images are written out as their alt text; raw <img> tags are dropped by DOMPurify.
  renderer: { image: ({ text }) => escapeText(text ? `[image: ${text}]` : '[image]') }
});

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span'];
const ALLOWED_ATTR = ['href', 'title', 'start', 'align'];
const SAFE_URL = /^(?:https?:|mailto:|#|\/(?!\/)|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i;

let purifier: ReturnType<typeof DOMPurify> | null = null;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = node.getAttribute('href') ?? '';
    if (!SAFE_URL.test(href.trim())) node.removeAttribute('href');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
    node.setAttribute('target', '_blank');
  });
  purifier = p;
  return p;
}

/** Markdown source → safe HTML for {@html}. Needs a DOM (browser or jsdom). `mentioned` are the
 * names of the people the message mentions (the server checked them): "@Name" in the text is
 * marked up as a mention. The marking happens on the sanitised DOM, in text nodes only (never in
 * code or links), with elements made here, so no text of the message becomes markup. */
export function renderMarkdown(source: string, mentioned: readonly string[] = []): string {
  const html = marked.parse(source) as string;
  const options = {
    ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: SAFE_URL, ADD_ATTR: ['target', 'rel'], KEEP_CONTENT: true
  };
  if (mentioned.length === 0) return getPurifier().sanitize(html, options) as string;
  const body = getPurifier().sanitize(html, { ...options, RETURN_DOM: true }) as HTMLElement;
  markMentions(body, mentioned);
  return body.innerHTML;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function markMentions(root: HTMLElement, names: readonly string[]): void {
  // Longest first, so "@Sage Senior" wins over a mentioned "Sage".
  const alternatives = [...new Set(names)].filter((n) => n.trim()).sort((a, b) => b.length - a.length).map(escapeRegex);
  if (!alternatives.length) return;
  const pattern = new RegExp(`@(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('code, pre, a') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT)
  });
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const t of texts) {
    const value = t.data;
    pattern.lastIndex = 0;
    if (!pattern.test(value)) continue;
    pattern.lastIndex = 0;
    const frag = doc.createDocumentFragment();
    let last = 0;
    for (const m of value.matchAll(pattern)) {
      frag.append(value.slice(last, m.index));
      const span = doc.createElement('span');
      span.className = 'mention';
      span.textContent = m[0];
      frag.append(span);
      last = m.index + m[0].length;
    }
    frag.append(value.slice(last));
    t.replaceWith(frag);
  }
}
