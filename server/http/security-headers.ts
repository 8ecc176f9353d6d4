/**
 * Security headers (helmet) for every answer. Two Content-Security-Policies:
 *   - the web app: scripts from this origin plus the SvelteKit bootstrap script inline in
 *     build/index.html, allowed by its SHA-256 hash (read from the file being served, so a
 *     rebuild is picked up without a restart; svelte.config.js `kit.csp` writes the same hashes
 *     into a <meta> tag for hosts that cannot set headers). Styles allow 'unsafe-inline':
 *     Svelte writes style attributes and transitions insert <style> elements.
 *   - /api: JSON is never a document, so nothing may load from it at all.
 * Both forbid framing (frame-ancestors 'none', X-Frame-Options DENY). nosniff and
 * Referrer-Policy no-referrer (URLs carry encounter ids) come from helmet's defaults.
 * upgrade-insecure-requests is left out: a plain-HTTP deployment on a LAN address must work.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** 'sha256-…' sources for every inline <script> (one without src) of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]!)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The hashes of a page's inline scripts, re-read when the file changes. */
function hashesOf(file: string): () => string[] {
  let cached: { mtimeMs: number; size: number; hashes: string[] } | null = null;
  return () => {
    try {
      const st = statSync(file);
      if (!cached || cached.mtimeMs !== st.mtimeMs || cached.size !== st.size) {
        cached = { mtimeMs: st.mtimeMs, size: st.size, hashes: inlineScriptHashes(readFileSync(file, 'utf8')) };
      }
      return cached.hashes;
    } catch {
      return [];
    }
  };
}

const COMMON = {
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
  crossOriginEmbedderPolicy: false
};

/** Headers for the single-page app and its static files. */
export function webSecurityHeaders(indexHtml: string): RequestHandler {
  const hashes = hashesOf(indexHtml);
  return helmet({
    ...COMMON,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", () => hashes().join(' ')],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"]
      }
    }
  }) as RequestHandler;
}

/** Headers for /api: the strictest policy, since no answer is meant to render. */
export function apiSecurityHeaders(): RequestHandler {
  return helmet({
    ...COMMON,
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } }
  }) as RequestHandler;
}
