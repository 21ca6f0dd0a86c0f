import { type Compressors, snappyUncompress } from 'hyparquet';

/**
 * Buffers that Snappy pages are decompressed into, reused from one row group to the next: the i-th page
 * decompressed after a {@link PageBuffers.reset} goes into the buffer that held the i-th page after the
 * previous reset. hyparquet decodes plain numeric pages as views of their decompressed bytes, so a row
 * group's decoded columns stay valid only until the next reset.
 */
export class PageBuffers {
  private readonly buffers: Uint8Array[] = [];
  private next = 0;

  /** Decompressors for hyparquet's `compressors` option that write into these buffers. */
  readonly compressors: Compressors = {
    SNAPPY: (input, outputLength) => {
      const output = this.take(outputLength);
      snappyUncompress(input, output);
      return output;
    },
  };

  /** Starts a new row group: its pages overwrite the buffers of the previous one. */
  reset(): void {
    this.next = 0;
  }

  private take(length: number): Uint8Array {
    let buffer = this.buffers[this.next];
    if (buffer === undefined || buffer.length < length) {
      buffer = new Uint8Array(length);
      this.buffers[this.next] = buffer;
    }
    this.next++;
    return buffer.subarray(0, length);
  }
}
