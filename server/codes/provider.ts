/**
 * Holds the loaded code sets for the server. Loading takes a couple of seconds and ~140 MB, so
 * it starts in the background at boot and is shared by every server in the process (the tests
 * start many); requests that need codes wait for it. Without a code-set folder the provider is
 * "off" and every code endpoint answers 503 with a message that says how to turn it on.
 */
import type { Logger } from '../log';
import { AppError } from '../errors';
import { loadCodeSets } from './load';
import type { CodeSets } from './types';
import type { CodeSetState, CodeSetStatusDto } from '../../src/lib/protocol/codes';
import { codeSetFeatures } from './features';


export interface CodeSetProvider {
  status(): CodeSetStatusDto;
  /** The code sets, waiting for the load; 503 when off or failed. */
  get(): Promise<CodeSets>;
  /** The code sets if already loaded, else null (never waits). */
  ready(): CodeSets | null;
}

const loads = new Map<string, Promise<CodeSets>>();

export const OFF_MESSAGE = 'Code sets are not installed: code lookup and validation are off. Install them with `npm run codesets -- <folder or zip>` (see the README).';

export function createCodeSetProvider(dir: string | null, log: Pick<Logger, 'info' | 'error'>): CodeSetProvider {
  let state: CodeSetState = dir ? 'loading' : 'off';
  let loaded: CodeSets | null = null;
  let failure = '';
  let promise: Promise<CodeSets> | null = null;
  if (dir) {
    const started = Date.now();
    promise = loads.get(dir) ?? loadCodeSets(dir);
    loads.set(dir, promise);
    promise.then(
      (cs) => {
        loaded = cs; state = 'ready';
        const off = codeSetFeatures(cs).filter((f) => !f.on).map((f) => f.message);
        log.info({ dir, ms: Date.now() - started, ...(off.length ? { featuresOff: off } : {}) }, 'code sets loaded');
      },
      (err: Error) => { state = 'failed'; failure = err.message; loads.delete(dir); log.error({ err, dir }, 'code sets failed to load'); }
    );
  }
  return {
    status() {
      if (state === 'ready' && loaded) {
        const features = codeSetFeatures(loaded);
        const off = features.filter((f) => !f.on);
        const message = off.length ? `Code sets loaded; off: ${off.map((f) => f.feature).join(', ')}` : 'Code sets loaded';
        return { state, message, years: { cm: [...loaded.cm.keys()], pcs: [...loaded.pcs.keys()] }, hcpcs: loaded.hcpcs !== null, features };
      }
      const message = state === 'off' ? OFF_MESSAGE : state === 'loading' ? 'Code sets are loading' : `Code sets failed to load: ${failure}`;
      return { state, message };
    },
    async get() {
      if (!promise) throw new AppError('unavailable', OFF_MESSAGE);
      try {
        return await promise;
      } catch (err) {
        throw new AppError('unavailable', `Code sets failed to load: ${(err as Error).message}`);
      }
    },
    ready: () => loaded
  };
}
