import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { TLShapeId } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';

// Built here rather than imported from tldraw's packages: they are not marked free of side effects, so
// importing one function pulls tldraw's whole schema into the phone view's bundle.

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

type RandomSource = { getRandomValues<T extends ArrayBufferView>(array: T): T };

/** A new shape id (`shape:` and 21 random url-safe characters), as tldraw makes them. */
export function newShapeId(): TLShapeId {
  const bytes = new Uint8Array(21);
  const crypto = (globalThis as { crypto?: RandomSource }).crypto;
  if (crypto) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte & 63];
  return `shape:${id}` as TLShapeId;
}

/** A fractional index (z-order key) above `below` (null: the first). */
export function indexAbove(below: string | null): IndexKey {
  return generateKeyBetween(below, null) as IndexKey;
}

/** `n` ascending fractional index keys (z-order) for shapes created together. */
export function shapeIndices(n: number): IndexKey[] {
  return generateNKeysBetween(null, null, n) as IndexKey[];
}
