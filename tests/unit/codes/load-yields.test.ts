/**
 * Loading the code sets takes seconds of CPU at every server start. It must leave the event loop
 * running between its phases, or the server answers nothing (health checks, sign-in, pages)
 * until it is done: before, everything after reading the files was one synchronous block.
 */
import { describe, expect, it } from 'vitest';
import { loadCodeSets } from '../../../server/codes/load';
import { SHARED_DATA } from '../../support/server';
import { longestBlockShare } from '../../support/event-loop';

describe('code-set loading', () => {
  it('lets the event loop run between its phases', async () => {
    const { result: cs, share } = await longestBlockShare(() => loadCodeSets(SHARED_DATA));
    expect(cs.cm.get(2026)?.list.length).toBe(98186);
    // The largest phase (the ICD-10-CM search index) is about a third of the load; one block for
    // everything after the reads was over 90%.
    expect(share).toBeLessThan(0.6);
  }, 120_000);
});
