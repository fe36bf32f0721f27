/** An error from the API: its message, and each located problem (file:line:column path: what, hint). */
import { ApiFailure } from '../api';

export function Problems({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiFailure && error.body.problems?.length) {
    return (
      <div class="problems" role="alert">
        <p>{error.body.problems.length === 1 ? 'One problem' : `${error.body.problems.length} problems`}:</p>
        <ul>
          {error.body.problems.map((p, i) => {
            const where = [
              [p.file, p.line !== undefined ? `${p.line}:${p.column ?? 1}` : undefined]
                .filter(Boolean)
                .join(':'),
              p.path,
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <li key={i} data-line={p.line}>
                {where && <code>{where}</code>} {p.message}
                {p.hint && <span class="hint"> ({p.hint})</span>}
              </li>
            );
          })}
        </ul>
      </div>
    );
  }
  return (
    <p class="problems" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}
