import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a test zip. A name ending in "/" is a folder. */
export type ZipInput = Readonly<{
  name: string;
  data?: string | Uint8Array;
  /** `store` (default) keeps the bytes as they are; `deflate` compresses them. */
  method?: 'store' | 'deflate';
  /** Unix file mode for the external attributes (e.g. 0o120777 makes a symbolic link). */
  mode?: number;
}>;

const DOS_TIME = (12 << 11) | (30 << 5); // 12:30:00
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 15; // 2024-01-15
const UTF8_NAMES = 0x0800;

/**
 * Writes a small, valid zip in memory: local headers, data, a hand-written central directory and
 * the end record. Enough for tests; no zip64, no encryption.
 */
export function makeZip(inputs: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8');
    const raw =
      typeof input.data === 'string'
        ? Buffer.from(input.data, 'utf8')
        : Buffer.from(input.data ?? []);
    const deflate = input.method === 'deflate';
    const body = deflate ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const isDir = input.name.endsWith('/');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, spec 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal attributes: all 0
    central.writeUInt32LE(
      input.mode === undefined ? (isDir ? 0x10 : 0) : (input.mode << 16) >>> 0,
      38,
    );
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
