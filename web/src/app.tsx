/** The app's frame: a navigation bar and the view the hash route names. */
import { useRoute } from './router';
import { AnalysisView } from './views/analysis';
import { DecisionView } from './views/decision';
import { DiffView, WhatIfView } from './views/what-if';
import { FidelityView } from './views/fidelity';
import { PlayView, PlayStart } from './views/play';
import { RunView } from './views/run';
import { RunsView } from './views/runs';
import { TalksView } from './views/talks';

function View({ route }: { route: string[] }) {
  const [section, a, b, c] = route;
  if (section === 'runs' && a && b === 'events' && c) return <DecisionView run={Number(a)} seq={Number(c)} />;
  if (section === 'runs' && a && b === 'talks' && c) return <TalksView run={Number(a)} negotiation={c} />;
  if (section === 'runs' && a) return <RunView run={Number(a)} at={b === 'at' && c ? Number(c) : null} />;
  if (section === 'what-if') return <WhatIfView run={a ? Number(a) : null} at={b ? Number(b) : null} />;
  if (section === 'diff' && a && b) return <DiffView a={Number(a)} b={Number(b)} />;
  if (section === 'play' && a === 'from' && b && c) return <PlayStart run={b} at={c} />;
  if (section === 'play' && a) return <PlayView seat={a} />;
  if (section === 'play') return <PlayStart />;
  if (section === 'fidelity') return <FidelityView />;
  if (section === 'analysis') return <AnalysisView />;
  return <RunsView />;
}

const SECTIONS = [
  ['runs', 'Runs'],
  ['what-if', 'What if'],
  ['play', 'Play'],
  ['fidelity', 'Fidelity'],
  ['analysis', 'Analysis'],
] as const;

export function App() {
  const route = useRoute();
  const current = route[0] === 'diff' ? 'what-if' : (route[0] ?? 'runs');
  return (
    <>
      <header class="top">
        <a class="brand" href="#/runs">
          Alliances
        </a>
        <nav aria-label="Sections">
          {SECTIONS.map(([id, title]) => (
            <a key={id} href={`#/${id}`} aria-current={current === id ? 'page' : undefined}>
              {title}
            </a>
          ))}
        </nav>
      </header>
      <main>
        <View route={route} />
      </main>
    </>
  );
}
