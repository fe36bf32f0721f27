import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENT_TYPES } from '../src/model/intents.js';
import { PROVISION_KINDS } from '../src/model/provision.js';
import { scenarioSchema } from '../src/scenario/schema.js';
import { loadScenario } from '../src/scenario/loader.js';
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

  it('shows the treaties example as the fixture it is, and the fixture validates', () => {
    const file = join(projectRoot, 'test', 'fixtures', 'treaties.yaml');
    const text = readFileSync(file, 'utf8');
    expect(doc).toContain(`\`\`\`yaml\n${text}\`\`\``);
    const spec = loadScenario(text, file).spec;
    expect(spec.agreements.map((a) => a.id)).toEqual(['northern-league', 'southern-guarantee']);
    expect(spec.wars).toHaveLength(1);
  });
});
