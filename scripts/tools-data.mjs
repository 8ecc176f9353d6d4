// Data files that de-identification reads at run time from .tools/ and that are never committed (the drug dictionary, the
// SSA baby names): each is unpacked once from a package registry. Without the registry or Python it only warns and
// detection runs without that list, unless --required (CI) makes the absence fatal.
import { existsSync, mkdtempSync, rmSync, mkdirSync, renameSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

const toolsDir = path.resolve(import.meta.dirname, '..', '.tools');

/** Runs a command with its output shown; returns whether it succeeded. */
export const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts }).status === 0;

/**
 * Builds `file` (inside .tools/) once: `build(work, tmpTarget)` writes tmpTarget from a scratch folder, or throws a message.
 * `label` names the list in messages ("drug names").
 */
export function ensureDataFile({ file, label, without, build }) {
  const target = path.join(toolsDir, file);
  const required = process.argv.includes('--required');
  if (existsSync(target)) return;
  const work = mkdtempSync(path.join(tmpdir(), 'graycase-data-'));
  try {
    mkdirSync(toolsDir, { recursive: true });
    build(work, `${target}.tmp`);
    renameSync(`${target}.tmp`, target);
  } catch (e) {
    console[required ? 'error' : 'warn'](`${label}: ${e instanceof Error ? e.message : e}${required ? '' : ` (${without})`}`);
    process.exitCode = required ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
