// A single-page app: the server owns data and rules, pages render in the browser.
import { z } from 'zod';

// Zod would probe `new Function` to compile fast parsers; the Content-Security-Policy forbids
// eval, so the probe only reports a violation. Interpreted parsing is plenty for forms.
z.config({ jitless: true });

export const ssr = false;
export const prerender = false;
