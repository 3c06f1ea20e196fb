import { Transform } from 'node:stream';

/** A pass-through that reports how many bytes went by. */
export function countingStream(onBytes: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
}
