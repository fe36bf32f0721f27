/** An Observable Plot figure: the options are Plot's own; the component only mounts the result. */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';

export function PlotFigure({ options, caption }: { options: Plot.PlotOptions; caption: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const figure = Plot.plot({ ariaLabel: caption, ...options });
    // Plot names each mark's group for screen readers; a named group needs the role that allows a name.
    for (const g of figure.querySelectorAll('g[aria-label]')) g.setAttribute('role', 'group');
    ref.current?.replaceChildren(figure);
    return () => figure.remove();
  }, [options]);
  return (
    <figure class="plot">
      <div ref={ref} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

export { Plot };
