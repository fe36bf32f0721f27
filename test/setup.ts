// Tests hash run logs with Node's native SHA-256, as the command does (test/common/sha256.test.ts
// checks that the portable implementation gives the same digests).
import { installNativeSha256 } from '../src/runner/native-sha256.js';

installNativeSha256();
