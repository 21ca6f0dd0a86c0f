const NO_INTS = new Int32Array(0);
const NO_NUMS = new Float64Array(0);
/** Size of a stream's first chunk, in words; each next chunk doubles, up to the stream's chunk size. */
const FIRST_CHUNK = 1024;

/**
 * Two append-only streams of words, int32 and float64, in chunks that are never copied, changed or freed (a
 * doubled-and-copied column leaves its old buffer to the next major GC, which can be far off). A log writes
 * each record as a variable number of words and reads them back in the same order with a {@link WordCursor}.
 *
 * Before each record the writer calls {@link WordStream.reserve} with the record's maximum size and then writes
 * at `ints[ip++]`, `nums[fp++]` without bounds checks; the cursor makes the same calls with the same sizes, so
 * it moves to the next chunk exactly where the writer did.
 */
export class WordStream {
  /** The int chunks written so far (the last one is {@link WordStream.ints}). */
  readonly intChunks: Int32Array[] = [];
  /** The float chunks written so far (the last one is {@link WordStream.nums}). */
  readonly numChunks: Float64Array[] = [];
  /** The int chunk being written. */
  ints: Int32Array = NO_INTS;
  /** The float chunk being written. */
  nums: Float64Array = NO_NUMS;
  /** Position of the next int in {@link WordStream.ints}. */
  ip = 0;
  /** Position of the next float in {@link WordStream.nums}. */
  fp = 0;

  /** @param chunkWords - the largest chunk, in words (a record larger than that gets a chunk of its own size) */
  constructor(private readonly chunkWords = 1 << 15) {}

  /** Makes room for a record of up to `maxInts` ints and `maxNums` floats. */
  reserve(maxInts: number, maxNums: number): void {
    if (this.ip + maxInts > this.ints.length || this.fp + maxNums > this.nums.length) this.grow(maxInts, maxNums);
  }

  private grow(maxInts: number, maxNums: number): void {
    if (this.ip + maxInts > this.ints.length) {
      this.ints = new Int32Array(this.nextSize(this.ints.length, maxInts));
      this.intChunks.push(this.ints);
      this.ip = 0;
    }
    if (this.fp + maxNums > this.nums.length) {
      this.nums = new Float64Array(this.nextSize(this.nums.length, maxNums));
      this.numChunks.push(this.nums);
      this.fp = 0;
    }
  }

  private nextSize(current: number, needed: number): number {
    return Math.max(Math.min(this.chunkWords, current === 0 ? FIRST_CHUNK : current * 2), needed);
  }
}

/** Reads a {@link WordStream} from its start, record by record, with the writer's {@link WordStream.reserve} calls. */
export class WordCursor {
  /** The int chunk being read. */
  ints: Int32Array = NO_INTS;
  /** The float chunk being read. */
  nums: Float64Array = NO_NUMS;
  /** Position of the next int in {@link WordCursor.ints}. */
  ip = 0;
  /** Position of the next float in {@link WordCursor.nums}. */
  fp = 0;
  private intChunk = 0;
  private numChunk = 0;

  constructor(private readonly stream: WordStream) {}

  /** Moves to the next chunks where the writer did, for a record of up to `maxInts` ints and `maxNums` floats. */
  reserve(maxInts: number, maxNums: number): void {
    if (this.ip + maxInts > this.ints.length) {
      this.ints = this.stream.intChunks[this.intChunk++] as Int32Array;
      this.ip = 0;
    }
    if (this.fp + maxNums > this.nums.length) {
      this.nums = this.stream.numChunks[this.numChunk++] as Float64Array;
      this.fp = 0;
    }
  }

  /** The next int. */
  int(): number {
    return this.ints[this.ip++] as number;
  }

  /** The next float. */
  num(): number {
    return this.nums[this.fp++] as number;
  }
}
