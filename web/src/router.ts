/** Hash routes (`#/runs/3/events/16`): the server serves one page, the app picks the view. */
import { useEffect, useState } from 'preact/hooks';

export function useRoute(): string[] {
  const read = () => decodeURIComponent(location.hash.replace(/^#\/?/, '')).split('/').filter(Boolean);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const go = (path: string) => {
  location.hash = `#/${path}`;
};
