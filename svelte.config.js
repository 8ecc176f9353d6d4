import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * A single-page app: the server owns all data, so pages render in the browser only.
 * kit.csp (mode 'hash') writes a Content-Security-Policy <meta> into the built pages with the
 * hash of SvelteKit's inline bootstrap script. The server sends the same policy as a header
 * (plus frame-ancestors, which a <meta> cannot carry): server/http/security-headers.ts.
 */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'script-src-attr': ['none'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  }
};
