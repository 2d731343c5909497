// A memo of one run: a value computed once from its key (a text) and reused for the same key,
// bounded in size. Its owner decides how long it lives (a CLI pool worker keeps one for all the
// models it generates; a `generate` call without one makes its own): never module state.
//
//   const memo = new RunMemo<string>(1_000_000, (key, value) => key.length + value.length);
//   memo.get("<p>Hi</p>", htmlToMarkdown) → "Hi"   (computed)
//   memo.get("<p>Hi</p>", htmlToMarkdown) → "Hi"   (the same string, not computed again)
//
// Only for functions of the key alone: a value must not depend on anything else (a model, an
// option), so a hit gives exactly what computing would. Bounded by `budget` units of `size` (for
// texts, characters): two generations, the newest filled up to the budget; when it is full it
// becomes the older one and the oldest is dropped. A hit in the older generation moves the entry
// to the newest, so what a run keeps using stays. At most about twice the budget is held.

export class RunMemo<V> {
  readonly #budget: number;
  readonly #size: (key: string, value: V) => number;
  #newest = new Map<string, V>();
  #older = new Map<string, V>();
  #used = 0;
  /** Lookups answered from the memo, and values computed (for tests and benchmarks). */
  hits = 0;
  misses = 0;

  constructor(budget: number, size: (key: string, value: V) => number) {
    this.#budget = budget;
    this.#size = size;
  }

  get(key: string, make: (key: string) => V): V {
    const fresh = this.#newest.get(key);
    if (fresh !== undefined) {
      this.hits++;
      return fresh;
    }
    const old = this.#older.get(key);
    if (old !== undefined) {
      this.hits++;
      this.#older.delete(key);
      this.#add(key, old);
      return old;
    }
    this.misses++;
    const value = make(key);
    this.#add(key, value);
    return value;
  }

  /** Entries held now (both generations). */
  get size(): number {
    return this.#newest.size + this.#older.size;
  }

  #add(key: string, value: V): void {
    const size = this.#size(key, value);
    if (this.#used + size > this.#budget && this.#newest.size > 0) {
      this.#older = this.#newest;
      this.#newest = new Map();
      this.#used = 0;
    }
    this.#newest.set(key, value);
    this.#used += size;
  }
}
