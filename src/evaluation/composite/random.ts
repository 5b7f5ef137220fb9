/**
 * Seeded pseudo-random numbers (xoshiro128**, seeded by splitmix32), so every Monte Carlo
 * and Saltelli run is reproducible from its seed; and COINr's mapping of uniform draws to
 * discrete options.
 */
export type Rng = () => number;

export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const t = b << 9;
    let r = Math.imul(b, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9);
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return (r >>> 0) / 4294967296;
  };
}

/**
 * R's cut(x, k) turned into option indices 0..k−1: the observed range of the draws (not
 * [0, 1]) is split into k equal right-closed bins, the outer edges widened by range/1000.
 */
export function cutToOptions(draws: ArrayLike<number>, k: number): Int32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < draws.length; i++) {
    lo = Math.min(lo, draws[i]);
    hi = Math.max(hi, draws[i]);
  }
  const out = new Int32Array(draws.length);
  if (k <= 1 || hi === lo) return out;
  const dx = hi - lo;
  const breaks: number[] = [];
  for (let b = 0; b <= k; b++) breaks.push(lo + (dx * b) / k);
  breaks[0] = lo - dx / 1000;
  breaks[k] = hi + dx / 1000;
  for (let i = 0; i < draws.length; i++) {
    let b = 0;
    while (b < k - 1 && draws[i] > breaks[b + 1]) b++;
    out[i] = b;
  }
  return out;
}
