import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portableSha256, type Sha256Factory } from '../common/sha256.js';
import { nativeSha256 } from './native-sha256.js';

const digest = (factory: Sha256Factory, parts: readonly string[]) => {
  const h = factory();
  for (const p of parts) h.update(p);
  return h.hex();
};

describe('SHA-256', () => {
  it('the portable and the native implementations give the same digests, in one piece or in parts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }), (parts) => {
        const native = digest(nativeSha256, parts);
        expect(digest(portableSha256, parts)).toBe(native);
        expect(digest(nativeSha256, [parts.join('')])).toBe(native);
      }),
      { numRuns: 300 },
    );
    expect(digest(portableSha256, [])).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});
