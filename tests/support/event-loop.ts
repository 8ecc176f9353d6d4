/**
 * How long the event loop was blocked while `work` ran, as a share of its whole time: a turn of
 * setImmediate is counted whenever the loop runs, and the longest gap between turns is the longest
 * block. A ratio, not a time, so that the machine's load does not decide the test.
 */
export async function longestBlockShare<T>(work: () => Promise<T>): Promise<{ result: T; share: number }> {
  const turns: number[] = [];
  let spinning = true;
  const spin = () => { turns.push(performance.now()); if (spinning) setImmediate(spin); };
  const t0 = performance.now();
  spin();
  const result = await work();
  spinning = false;
  const end = performance.now();
  let longest = end - turns[turns.length - 1]!;
  for (let i = 1; i < turns.length; i++) longest = Math.max(longest, turns[i]! - turns[i - 1]!);
  return { result, share: longest / (end - t0) };
}
