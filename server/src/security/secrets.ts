import { createHash, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@samskapa/shared';

/** A capability secret: 256 random bits, url-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A workshop id: 96 random bits, 16 url-safe characters. */
export function newWorkshopId(): string {
  return randomBytes(12).toString('base64url');
}

/** The form in which a secret is stored. A fast hash suffices: the secrets carry 256 random bits. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Compare a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, hash: Buffer): boolean {
  const presented = hashSecret(secret);
  return presented.length === hash.length && timingSafeEqual(presented, hash);
}

/** A random join code from the unambiguous alphabet. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * The participant secret of a workshop, derived from the server key. It is not stored (only its hash
 * is), yet the join code can hand it out again.
 */
export function participantSecret(serverKey: Buffer, workshopId: string): string {
  return createHmac('sha256', serverKey).update(`participant:${workshopId}`).digest('base64url');
}

/** The server key: `SECRET_KEY` when set, else a random key kept in `<dataDir>/secret.key`. */
export function loadServerKey(dataDir: string, fromEnv: string | undefined): Buffer {
  return loadKey(dataDir, fromEnv, 'secret.key');
}

/**
 * The 32-byte key that encrypts and authenticates sign-in cookies, derived from `SESSION_SECRET` when
 * set, else from a random key kept in `<dataDir>/session.key`.
 */
export function loadSessionKey(dataDir: string, fromEnv: string | undefined): Buffer {
  const secret = loadKey(dataDir, fromEnv, 'session.key');
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'samskapa session cookie', 32));
}

function loadKey(dataDir: string, fromEnv: string | undefined, name: string): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}
