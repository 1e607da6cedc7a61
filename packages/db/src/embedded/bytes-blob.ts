/**
 * Node 20's Blob.arrayBuffer() reads a 40 MB blob in small chunks and joins them, about 0.4 s
 * of CPU; PGlite calls it once per database it loads. This Blob holds the same bytes (every
 * other method reads them as usual) and hands PGlite a copy of them at once.
 */
export class BytesBlob extends Blob {
  readonly #bytes: Uint8Array<ArrayBuffer>;

  constructor(bytes: Uint8Array<ArrayBuffer>) {
    super([bytes]);
    this.#bytes = bytes;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.slice().buffer;
  }
}
