/**
 * Where the server finds its code sets.
 *
 * Order: env GRAYCASE_CODESETS_DIR if set (even if empty of files: an explicit setting wins and
 * a missing folder is reported, not silently replaced), else ./data/codesets when it holds files,
 * else ../shared/data when it exists (developer convenience in this workspace), else null.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const DEFAULT_CODESETS_DIR = './data/codesets';

function hasFiles(dir: string): boolean {
  try { return statSync(dir).isDirectory() && readdirSync(dir).length > 0; } catch { return false; }
}

export function resolveCodeSetsDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  const configured = env.GRAYCASE_CODESETS_DIR?.trim();
  if (configured) return path.resolve(cwd, configured);
  const local = path.resolve(cwd, DEFAULT_CODESETS_DIR);
  if (hasFiles(local)) return local;
  const shared = path.resolve(cwd, '../shared/data');
  if (existsSync(shared)) return shared;
  return null;
}

/** Target folder of the CLI: the configured folder or ./data/codesets (never ../shared/data). */
export function installTargetDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.GRAYCASE_CODESETS_DIR?.trim() || DEFAULT_CODESETS_DIR);
}
