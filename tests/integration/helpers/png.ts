import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG of random pixels: about 3 bytes per pixel, as a photo of a flipchart would be. */
export function noisyPng(width: number, height: number): Buffer {
  return png(width, height, () => randomBytes(width * 3));
}

/** A real PNG of one colour (8-bit RGB), small enough for any test and decodable by a browser. */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  return png(width, height, () => Buffer.alloc(width * 3).fill(Buffer.from([r, g, b])));
}

function png(width: number, height: number, pixelRow: () => Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, default compression, filter, no interlace
  const rows = Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), pixelRow()]));
  const pixels = deflateSync(Buffer.concat(rows));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
