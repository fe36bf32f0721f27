/** An Observable Plot figure: the options are Plot's own; the component only mounts the result. */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';

export function PlotFigure({ options, caption }: { options: Plot.PlotOptions; caption: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const figure = Plot.plot({ ariaLabel: caption, ...options });
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
