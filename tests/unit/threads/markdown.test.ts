// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/lib/components/threads/markdown';

/** Parses the rendered HTML the way the page would and lists what could run or fetch. */
function inspect(html: string) {
  const root = document.createElement('div');
  root.innerHTML = html;
  const all = [...root.querySelectorAll('*')];
  return {
    root,
    tags: all.map((e) => e.tagName.toLowerCase()),
    handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
    hrefs: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    srcs: all.flatMap((e) => (e.hasAttribute('src') ? [e.getAttribute('src')] : []))
  };
}

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const r = inspect(renderMarkdown('Sepsis is **not** documented.\n\n- N39.0\n- `B96.20`\n\n> quoted'));
    expect(r.tags).toEqual(expect.arrayContaining(['p', 'strong', 'ul', 'li', 'code', 'blockquote']));
    expect(r.root.textContent).toContain('Sepsis is not documented.');
  });

  it('drops script, event handlers and raw HTML elements', () => {
    const r = inspect(renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<svg onload=alert(1)><circle/></svg>\n\n<iframe src="https://evil.test"></iframe>\n\n<a href="#" onclick="alert(1)">c</a> <b style="color:red" onmouseover="x()">b</b>'));
    expect(r.tags).not.toContain('script');
    expect(r.tags).not.toContain('img');
    expect(r.tags).not.toContain('svg');
    expect(r.tags).not.toContain('iframe');
    expect(r.handlers).toEqual([]);
    expect(r.srcs).toEqual([]);
    expect(r.root.innerHTML).not.toMatch(/style=/);
  });

  it('refuses javascript:, data: and vbscript: links, however they are spelled', () => {
    const r = inspect(renderMarkdown([
      '[a](javascript:alert(1))', '[b](JaVaScRiPt:alert(1))', '[c](data:text/html;base64,PHNjcmlwdD4=)',
      '[d](vbscript:msgbox(1))', '<a href="jav&#x09;ascript:alert(1)">e</a>', '[f]( javascript:alert(1))',
      '<a href="&#106;avascript:alert(1)">g</a>'
    ].join('\n\n')));
    for (const href of r.hrefs) expect(href ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i);
    expect(r.root.innerHTML).not.toMatch(/javascript:|vbscript:|data:text/i);
  });

  it('keeps http(s) and relative links, opening them with rel=noopener', () => {
    const r = inspect(renderMarkdown('[cms](https://www.cms.gov/icd-10) and [here](/encounters/1?thread=2) and <https://example.org>'));
    expect(r.hrefs).toEqual(['https://www.cms.gov/icd-10', '/encounters/1?thread=2', 'https://example.org']);
    for (const a of r.root.querySelectorAll('a')) {
      expect(a.getAttribute('rel')).toContain('noopener');
      expect(a.getAttribute('target')).toBe('_blank');
    }
  });

  it('never loads an image: Markdown images become their alt text', () => {
    const r = inspect(renderMarkdown('![chart](https://tracker.example/pixel.png) ![](/local.png) ![x](data:image/png;base64,AAAA)'));
    expect(r.tags).not.toContain('img');
    expect(r.srcs).toEqual([]);
    expect(r.root.textContent).toContain('[image: chart]');
  });

  it('shows HTML-looking text as text, not markup', () => {
    const r = inspect(renderMarkdown('use `<script>` tags? 5 < 6 & "quotes"'));
    expect(r.tags).not.toContain('script');
    expect(r.root.textContent).toContain('<script>');
  });

  it('marks up the mentioned people, in text only, without turning message text into markup', () => {
    const r = inspect(renderMarkdown('@Sage Senior and @Sage: is this **@Sage Senior**? `@Sage Senior` [@Sage](https://x.test) @Sagehen @Otto <b onclick=x()>@Sage</b>', ['Sage Senior', 'Sage']));
    const marked = [...r.root.querySelectorAll('.mention')].map((e) => e.textContent);
    expect(marked).toEqual(['@Sage Senior', '@Sage', '@Sage Senior', '@Sage']);
    expect(r.root.querySelector('code')?.innerHTML).toBe('@Sage Senior');
    expect(r.root.querySelector('a .mention')).toBeNull();
    expect(r.handlers).toEqual([]);
    expect(r.root.textContent).toContain('@Sagehen @Otto');
    // A name that looks like markup stays text.
    const odd = inspect(renderMarkdown('hi @<img src=x onerror=alert(1)>', ['<img src=x onerror=alert(1)>']));
    expect(odd.tags).not.toContain('img');
    expect(odd.handlers).toEqual([]);
  });
});
