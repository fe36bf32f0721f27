/**
 * A graph drawn by cytoscape.js: the alliance network, the map, landscape blocs. The elements come
 * from the server as `{kind, label, source?, target?, …}`; each is drawn with the style of its
 * kind (an unknown kind gets the default style), so new kinds need no change here. The layout is
 * cytoscape's (circle for a few nodes, its force-directed `cose` beyond, with edge lengths from the
 * data where given) and is computed once; changes of state then only add, update or remove
 * elements, compared by reference.
 */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { useEffect, useRef } from 'preact/hooks';
import type { ElementView } from '../api';

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 10,
      color: '#1f2933',
      'text-wrap': 'wrap',
      'text-max-width': '160px',
      'background-color': '#616e7c',
      width: 'data(size)',
      height: 'data(size)',
      'text-valign': 'bottom',
      'text-margin-y': 3,
    },
  },
  { selector: 'node.faction', style: { 'background-color': '#2f6fb0' } },
  { selector: 'node.place', style: { shape: 'round-rectangle', 'background-color': '#9fb3c8' } },
  { selector: 'node.bloc-1', style: { 'background-color': '#2f6fb0' } },
  { selector: 'node.bloc-2', style: { 'background-color': '#c0392b', shape: 'diamond' } },
  { selector: 'node.bloc-3', style: { 'background-color': '#27ae60', shape: 'triangle' } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#9aa5b1', 'curve-style': 'bezier' } },
  { selector: 'edge.relation[status = "war"]', style: { 'line-color': '#c0392b', width: 5 } },
  {
    selector: 'edge.relation[status = "hostile"]',
    style: { 'line-color': '#e67e22', 'line-style': 'dashed', width: 2 },
  },
  { selector: 'edge.relation[status = "allied"]', style: { 'line-color': '#27ae60', width: 2 } },
  { selector: 'edge.agreement', style: { 'line-color': '#1d4ed8', width: 5, opacity: 0.8 } },
  { selector: 'node.war', style: { shape: 'diamond', 'background-color': '#c0392b', width: 18, height: 18 } },
  { selector: 'edge.side', style: { 'line-color': '#c0392b', 'line-style': 'dotted', width: 2 } },
  { selector: 'edge.side[side = 1]', style: { 'line-color': '#7f8c8d' } },
  {
    selector: 'edge.route',
    style: { 'line-color': '#cbd2d9', width: 1, label: 'data(label)', 'font-size': 8, color: '#52606d' },
  },
  {
    selector: 'edge.course',
    style: {
      'line-color': '#7e3fa0',
      'line-style': 'dashed',
      width: 2,
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#7e3fa0',
      label: 'data(label)',
      'font-size': 9,
      color: '#4c2466',
    },
  },
  { selector: 'edge.tie[propensity > 0]', style: { 'line-color': '#27ae60', width: 'data(width)' } },
  {
    selector: 'edge.tie[propensity < 0]',
    style: { 'line-color': '#c0392b', 'line-style': 'dashed', width: 'data(width)' },
  },
];

export interface GraphProps {
  /** The elements to draw now, by id. */
  readonly elements: ReadonlyMap<string, ElementView>;
  /** Every element ever drawn (the layout places nodes once, with all the ties they will have). */
  readonly layoutElements: ReadonlyMap<string, ElementView>;
  readonly label: string;
  /** Node size from this numeric field (scaled to the largest), else a fixed size. */
  readonly sizeBy?: string;
  /**
   * `distances`: a force-directed layout whose edge lengths follow the edges' `relative` length (the
   * map); otherwise a circle for a few nodes and the force-directed layout beyond.
   */
  readonly layout?: 'auto' | 'distances';
  /** Called after each change of state is applied (for performance marks). */
  readonly onApplied?: () => void;
}

const isEdge = (e: ElementView) => e.source !== undefined;

export function Graph({ elements, layoutElements, label, sizeBy, layout = 'auto', onApplied }: GraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const shown = useRef(new Map<string, ElementView>());
  const largest = useRef(1);

  const data = (id: string, e: ElementView) => {
    const size = sizeBy ? 14 + 46 * Math.sqrt(Math.max(0, Number(e[sizeBy] ?? 0)) / largest.current) : 16;
    return { ...e, id, size };
  };

  useEffect(() => {
    if (!container.current) return;
    largest.current = Math.max(
      1e-9,
      ...[...layoutElements.values()].map((e) => (sizeBy ? Number(e[sizeBy] ?? 0) : 0)),
    );
    const all: ElementDefinition[] = [...layoutElements].map(([id, e]) => ({
      group: isEdge(e) ? 'edges' : 'nodes',
      data: data(id, e),
      classes: e.kind,
    }));
    const nodes = all.filter((e) => e.group === 'nodes').length;
    const instance = cytoscape({
      container: container.current,
      elements: all,
      style: STYLE,
      minZoom: 0.05,
      maxZoom: 4,
    });
    instance
      .layout(
        nodes <= 16 && layout === 'auto'
          ? { name: 'circle', animate: false, padding: 30 }
          : {
              name: 'cose',
              animate: false,
              randomize: true,
              numIter: nodes > 150 ? 300 : 1000,
              idealEdgeLength: (edge: cytoscape.EdgeSingular) =>
                typeof edge.data('relative') === 'number' ? 60 + 220 * Number(edge.data('relative')) : 80,
              nodeRepulsion: () => 400_000,
              nodeOverlap: 40,
              gravity: 0.05,
              nodeDimensionsIncludeLabels: true,
            },
      )
      .run();
    instance.fit(undefined, 30);
    // From here on the graph shows a state: what is not in it is removed.
    shown.current = new Map(layoutElements);
    cy.current = instance;
    apply(elements);
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, [layoutElements]);

  const apply = (target: ReadonlyMap<string, ElementView>) => {
    const g = cy.current;
    if (!g) return;
    g.batch(() => {
      for (const [id, e] of target) {
        if (shown.current.get(id) === e) continue;
        const existing = g.getElementById(id);
        if (existing.nonempty()) {
          existing.data(data(id, e));
          existing.classes(e.kind);
        } else g.add({ group: isEdge(e) ? 'edges' : 'nodes', data: data(id, e), classes: e.kind });
      }
      for (const id of shown.current.keys()) if (!target.has(id)) g.getElementById(id).remove();
    });
    shown.current = new Map(target);
    onApplied?.();
  };

  useEffect(() => apply(elements), [elements]);

  return <div class="graph" ref={container} role="img" aria-label={label} />;
}
