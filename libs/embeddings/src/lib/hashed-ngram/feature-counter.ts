const INITIAL_CAPACITY = 4096;
const FIBONACCI_MULTIPLIER = 0x9e3779b1 | 0;

/**
 * Counts hashed features of one text in an open-addressing table reused from text to text (no
 * allocation per text). Entries are kept in insertion order, so iterating them, and therefore the
 * floating-point sums built from them, depends only on the text and never on the table's history.
 */
export class FeatureCounter {
  /** Feature hashes, in insertion order. */
  keys = new Int32Array(INITIAL_CAPACITY / 2);
  /** Occurrences of each feature. */
  counts = new Uint32Array(INITIAL_CAPACITY / 2);
  /** Feature type of each entry (index into the embedder's weights). */
  types = new Uint8Array(INITIAL_CAPACITY / 2);
  /** Number of distinct features since the last `reset`. */
  size = 0;

  private shift = 32 - Math.log2(INITIAL_CAPACITY);
  private mask = INITIAL_CAPACITY - 1;
  private slotEntry = new Int32Array(INITIAL_CAPACITY);
  /** A slot is occupied when its stamp equals the current generation: resetting is O(1). */
  private slotStamp = new Uint32Array(INITIAL_CAPACITY);
  private generation = 1;

  reset(): void {
    this.size = 0;
    this.generation++;
    if (this.generation > 0xfffffff0) {
      this.slotStamp.fill(0);
      this.generation = 1;
    }
  }

  add(key: number, type: number): void {
    let slot = Math.imul(key, FIBONACCI_MULTIPLIER) >>> this.shift;
    for (;;) {
      if (this.slotStamp[slot] !== this.generation) {
        if (this.size >= this.keys.length) {
          this.grow();
          this.add(key, type);
          return;
        }
        const entry = this.size++;
        this.slotStamp[slot] = this.generation;
        this.slotEntry[slot] = entry;
        this.keys[entry] = key;
        this.counts[entry] = 1;
        this.types[entry] = type;
        return;
      }
      const entry = this.slotEntry[slot];
      if (this.keys[entry] === key && this.types[entry] === type) {
        this.counts[entry]++;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Doubles the table (load factor stays ≤ 1/2) and re-inserts the entries, order unchanged. */
  private grow(): void {
    const capacity = this.slotEntry.length * 2;
    this.shift--;
    this.mask = capacity - 1;
    this.slotEntry = new Int32Array(capacity);
    this.slotStamp = new Uint32Array(capacity);
    this.generation = 1;
    const keys = new Int32Array(capacity / 2);
    const counts = new Uint32Array(capacity / 2);
    const types = new Uint8Array(capacity / 2);
    keys.set(this.keys);
    counts.set(this.counts);
    types.set(this.types);
    this.keys = keys;
    this.counts = counts;
    this.types = types;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = Math.imul(keys[entry], FIBONACCI_MULTIPLIER) >>> this.shift;
      while (this.slotStamp[slot] === this.generation) {
        slot = (slot + 1) & this.mask;
      }
      this.slotStamp[slot] = this.generation;
      this.slotEntry[slot] = entry;
    }
  }
}
