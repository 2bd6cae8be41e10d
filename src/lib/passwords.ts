import { hash, verify } from '@node-rs/argon2';

// `Algorithm` is a const enum, which isolated modules cannot import; 2 is Argon2id.
const ARGON2ID = 2;

// argon2id runs on libuv's thread pool, so hashing never blocks the event loop.

export function hashPassword(password: string, timeCost: number): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, timeCost, memoryCost: 19_456, parallelism: 1 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown account cannot be told apart by timing. */
export async function verifyNothing(password: string, timeCost: number): Promise<false> {
  dummy ??= hashPassword('dummy-password-for-timing', timeCost);
  await verifyPassword(await dummy, password);
  return false;
}
