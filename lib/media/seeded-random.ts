/**
 * Numbers in [0, 1) from a string seed (FNV-1a, then a linear congruential step): the demo's
 * recordings and photos differ by name and are the same every run.
 */
export function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
