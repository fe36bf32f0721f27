import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENT_TYPES } from '../src/model/intents.js';
import { PROVISION_KINDS } from '../src/model/provision.js';
import { scenarioSchema } from '../src/scenario/schema.js';
import { projectRoot } from './cli-harness.js';
import { EVENT_TYPES } from '../src/events/index.js';

const doc = readFileSync(join(projectRoot, 'docs', 'scenario-format.md'), 'utf8');

describe('docs/scenario-format.md', () => {
  it('documents every event type, decision type, provision kind and top-level field', () => {
    const missing = [
      ...EVENT_TYPES.filter(
        (t) => !doc.includes(`\`${t}\``) && !new RegExp(`\`[^\`]*\\b${t}\\b[^\`]*\``).test(doc),
      ),
      ...INTENT_TYPES.filter((t) => !doc.includes(`\`${t}\``)),
      ...PROVISION_KINDS.filter((k) => !doc.includes(`\`${k}\``)),
      ...Object.keys(scenarioSchema.shape).filter((f) => !doc.includes(`\`${f}\``)),
    ];
    expect(missing).toEqual([]);
  });
});
