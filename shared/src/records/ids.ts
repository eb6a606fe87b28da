import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { TLShapeId } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';

// Built here rather than imported from tldraw's packages: they are not marked free of side effects, so
// importing one function pulls tldraw's whole schema into the phone view's bundle.

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

type RandomSource = { getRandomValues<T extends ArrayBufferView>(array: T): T };

/** A new shape id (`shape:` and 21 random url-safe characters), as tldraw makes them. */
export function newShapeId(): TLShapeId {
  let id = '';
  for (const byte of randomBytes(21)) id += ID_ALPHABET[byte & 63];
  return `shape:${id}` as TLShapeId;
}

/** `n` random bytes, from the platform's cryptographic source where there is one. */
export function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  const crypto = (globalThis as { crypto?: RandomSource }).crypto;
  if (crypto) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

const BASE_62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A fractional index (z-order key) above `below` (null: the first), with random digits appended (as
 * tldraw jitters its keys): two people adding a note to the same area at the same moment get
 * different keys, never the same one. A digit other than 0 ends the key, so it stays valid.
 */
export function indexAbove(below: string | null): IndexKey {
  const bytes = randomBytes(3);
  const jitter = `${BASE_62[bytes[0]! % 62]}${BASE_62[bytes[1]! % 62]}${BASE_62[1 + (bytes[2]! % 61)]}`;
  return `${generateKeyBetween(below, null)}${jitter}` as IndexKey;
}

/** `n` ascending fractional index keys (z-order) for shapes created together. */
export function shapeIndices(n: number): IndexKey[] {
  return generateNKeysBetween(null, null, n) as IndexKey[];
}
