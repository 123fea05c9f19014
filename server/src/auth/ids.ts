// Random identifiers and secrets, and the one-way hash under which secrets are stored.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

function randomBase32(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A public identifier: 80 random bits. */
export function newId(): string {
  return randomBase32(10);
}

/** A secret: 160 random bits, as in the Lucia guide. */
export function newSecret(): string {
  return randomBase32(20);
}

export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}
