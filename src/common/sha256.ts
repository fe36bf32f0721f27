/**
 * SHA-256 of text, as a run's identity needs it (see engine/log-hash.ts). The default is a pure
 * JavaScript implementation (@noble/hashes), so that the core runs anywhere, a browser included;
 * on Node the runner layer installs the platform's native hash (src/runner/native-sha256.ts): the
 * same digests, about ten times faster. Which one is installed never changes a result.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** A streaming SHA-256 over UTF-8 text. */
export interface Sha256 {
  update(text: string): void;
  /** The digest, as 64 lowercase hex digits (the hasher is spent afterwards). */
  hex(): string;
}

export type Sha256Factory = () => Sha256;

/** The pure JavaScript SHA-256 (the default). */
export const portableSha256: Sha256Factory = () => {
  const h = sha256.create();
  return {
    update: (text) => void h.update(utf8ToBytes(text)),
    hex: () => bytesToHex(h.digest()),
  };
};

let factory: Sha256Factory = portableSha256;

/** Installs another implementation of SHA-256 (it must give the same digests). */
export function useSha256(implementation: Sha256Factory): void {
  factory = implementation;
}

export function createSha256(): Sha256 {
  return factory();
}

export function sha256Hex(text: string): string {
  const h = createSha256();
  h.update(text);
  return h.hex();
}
