/**
 * Word clusters for the recogniser (word-clusters.txt, built by scripts/build-word-clusters.ts
 * from GloVe vectors): words used alike in Wikipedia and news text share a cluster, so a word
 * that neither our lists nor the training text hold still tells what it is like. "okonkwo" sits
 * with surnames, "zanesville" with small towns, "medtronic" with companies, "hodgkin" with
 * diseases. Loaded on first use (~340k words); a word GloVe never saw has none ('-').
 */
import { readFileSync } from 'node:fs';

interface Clusters { fine: Map<string, number>; coarse: number[] }
let clusters: Clusters | null = null;

function load(): Clusters {
  const [head = '', ...lines] = readFileSync(new URL('./word-clusters.txt', import.meta.url), 'utf8').split('\n');
  const fine = new Map<string, number>();
  for (const line of lines) {
    const at = line.lastIndexOf(' ');
    if (at > 0) fine.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return { fine, coarse: head.split(' ').map(Number) };
}

/** The fine cluster (of 256) and its coarse group (of 32) of a lower-case word, '-' for a word without one. */
export function wordCluster(lower: string): { fine: string; coarse: string } {
  clusters ??= load();
  const c = clusters.fine.get(lower);
  return c === undefined ? NONE : { fine: String(c), coarse: String(clusters.coarse[c]) };
}
const NONE = { fine: '-', coarse: '-' };
