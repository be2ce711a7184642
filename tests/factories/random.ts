/**
 * A tiny seeded pseudo-random generator, so that factories and the demo seed
 * produce the same data on every run (never Math.random).
 */

/** mulberry32: a 32-bit PRNG, good enough for test data, returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: ReadonlyArray<T>): T;
  /** A shuffled copy. */
  shuffle<T>(items: ReadonlyArray<T>): T[];
  /** An independent generator derived from this one (stable sub-streams). */
  fork(): Rng;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw new RangeError(`rng.int: invalid range [${min}, ${max}]`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError("rng.pick: empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    fork() {
      return createRng(Math.floor(next() * 4294967296));
    },
  };
  return rng;
}

// Factories called without an explicit generator share this one: data stays
// deterministic for a given test file. Integration files share a module graph
// per worker (docs/decisions/049): their setup file restarts it before each
// file (resetDefaultRng), so a file draws the same data whichever ran before.
let shared: Rng | undefined;
export function defaultRng(): Rng {
  shared ??= createRng(20_240_729);
  return shared;
}

/** The next defaultRng() starts again from its seed. */
export function resetDefaultRng(): void {
  shared = undefined;
}
