/**
 * Choosing a scenario: a built-in one by name, or text pasted or read from a file in the browser
 * (the server is sent the text, never a path), checked by the server with its problems beside it.
 */
import { useEffect, useState } from 'preact/hooks';
import { get, post, type ScenarioInfo } from '../api';
import { Problems } from './problems';

export interface Source {
  readonly scenario?: string;
  readonly text?: string;
  readonly file?: string;
}

export function useScenarios() {
  const [scenarios, setScenarios] = useState<ScenarioInfo[]>([]);
  useEffect(() => {
    void get<{ scenarios: ScenarioInfo[] }>('/api/scenarios').then((r) => setScenarios(r.scenarios));
  }, []);
  return scenarios;
}

export function ScenarioSource({
  onChange,
  idPrefix,
}: {
  onChange: (source: Source, info: ScenarioInfo | null) => void;
  idPrefix: string;
}) {
  const scenarios = useScenarios();
  const [kind, setKind] = useState<'builtin' | 'text'>('builtin');
  const [name, setName] = useState('delta-quadrant');
  const [text, setText] = useState('');
  const [file, setFile] = useState('scenario.yaml');
  const [error, setError] = useState<unknown>(null);
  const [checked, setChecked] = useState<ScenarioInfo | null>(null);

  useEffect(() => {
    if (kind === 'builtin') {
      const info = scenarios.find((s) => s.id === name || s.file === `${name}.yaml`) ?? null;
      onChange({ scenario: name }, info);
    } else onChange({ text, file }, checked);
  }, [kind, name, text, file, checked, scenarios]);

  const check = () => {
    setError(null);
    post<{ scenario: ScenarioInfo }>('/api/scenarios/check', { text, file }).then(
      (r) => setChecked(r.scenario),
      (e: unknown) => {
        setChecked(null);
        setError(e);
      },
    );
  };
  const loadBuiltin = () =>
    void get<{ text: string }>(`/api/scenarios/${encodeURIComponent(name)}`).then((r) => {
      setText(r.text);
      setFile(`${name}.yaml`);
      setChecked(null);
    });
  const upload = (e: Event) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (!f) return;
    void f.text().then((t) => {
      setText(t);
      setFile(f.name.replace(/[^\w.-]/g, '_').slice(0, 80) || 'scenario.yaml');
      setChecked(null);
    });
  };

  return (
    <fieldset class="source">
      <legend>Scenario</legend>
      <label>
        <input
          type="radio"
          name={`${idPrefix}-kind`}
          checked={kind === 'builtin'}
          onChange={() => setKind('builtin')}
        />{' '}
        built-in
      </label>
      <label>
        <input
          type="radio"
          name={`${idPrefix}-kind`}
          checked={kind === 'text'}
          onChange={() => setKind('text')}
        />{' '}
        my own text
      </label>
      {kind === 'builtin' ? (
        <label class="field">
          Built-in scenario{' '}
          <select value={name} onChange={(e) => setName((e.target as HTMLSelectElement).value)}>
            {scenarios.map((s) => (
              <option key={s.file} value={s.file.replace(/\.yaml$/, '')}>
                {s.file.replace(/\.yaml$/, '')} — {s.title}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <div class="source-text">
          <div>
            <label class="field block">
              Scenario text (YAML or JSON)
              <textarea
                id={`${idPrefix}-text`}
                rows={14}
                spellcheck={false}
                value={text}
                onInput={(e) => {
                  setText((e.target as HTMLTextAreaElement).value);
                  setChecked(null);
                }}
              />
            </label>
            <div class="row">
              <button type="button" onClick={check}>
                Check
              </button>
              <button type="button" onClick={loadBuiltin}>
                Start from {name}
              </button>
              <label>
                Read a file <input type="file" accept=".yaml,.yml,.json" onChange={upload} />
              </label>
            </div>
          </div>
          <div class="beside">
            <Problems error={error} />
            {checked && (
              <p class="ok" role="status">
                ✓ {checked.title}: {checked.factions.length} factions, {checked.duration}
              </p>
            )}
          </div>
        </div>
      )}
    </fieldset>
  );
}
