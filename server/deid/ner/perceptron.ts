/**
 * An averaged perceptron over string features (Collins 2002): the classic token classifier of
 * taggers such as NLTK's and spaCy's first versions, small enough to train here in seconds and to
 * ship as a JSON file of weights. Training keeps the running sum of every weight so the shipped
 * weights are their average over all updates, which generalises far better than the last ones.
 */
export interface PerceptronModel { tags: string[]; weights: Record<string, number[]> }

export class Perceptron {
  readonly tags: string[];
  /** Training weights, per feature. */
  private readonly w = new Map<string, Float64Array>();
  /** Training only: per feature, the sum of (update step x change), for the average. */
  private readonly u = new Map<string, Float64Array>();
  private step = 1;
  /** Shipped weights, packed: feature -> offset into one Float32Array (~5 MB of heap instead of ~22 in small arrays). */
  private readonly offsets = new Map<string, number>();
  private packed = new Float32Array(0);

  constructor(tags: string[], model?: PerceptronModel) {
    this.tags = tags;
    if (!model) return;
    const entries = Object.entries(model.weights);
    this.packed = new Float32Array(entries.length * tags.length);
    entries.forEach(([f, ws], i) => {
      this.offsets.set(f, i * tags.length);
      this.packed.set(ws, i * tags.length);
    });
  }

  scores(features: readonly string[]): Float64Array {
    const n = this.tags.length;
    const out = new Float64Array(n);
    // Shipped weights are packed, training weights live per feature: a model is one or the other.
    if (this.offsets.size) {
      for (const f of features) {
        const at = this.offsets.get(f);
        if (at !== undefined) for (let k = 0; k < n; k++) out[k]! += this.packed[at + k]!;
      }
      return out;
    }
    for (const f of features) {
      const ws = this.w.get(f);
      if (ws) for (let k = 0; k < n; k++) out[k]! += ws[k]!;
    }
    return out;
  }

  /** One mistake: the gold tag's weights go up, the predicted one's down. */
  update(features: readonly string[], gold: number, predicted: number): void {
    for (const f of features) {
      let ws = this.w.get(f), us = this.u.get(f);
      if (!ws) this.w.set(f, (ws = new Float64Array(this.tags.length)));
      if (!us) this.u.set(f, (us = new Float64Array(this.tags.length)));
      ws[gold]! += 1; us[gold]! += this.step;
      ws[predicted]! -= 1; us[predicted]! -= this.step;
    }
  }

  tick(): void { this.step++; }

  /** The averaged weights, rounded, without the features whose weights all round to zero. */
  averaged(minAbs = 0.001): PerceptronModel {
    const weights: Record<string, number[]> = {};
    for (const [f, ws] of this.w) {
      const us = this.u.get(f)!;
      const avg = [...ws].map((x, k) => Math.round((x - us[k]! / this.step) * 1000) / 1000);
      if (avg.some((x) => Math.abs(x) >= minAbs)) weights[f] = avg;
    }
    return { tags: this.tags, weights };
  }
}
