import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'start' }
  | { page: 'join'; id: string }
  | { page: 'session'; id: string }
  | { page: 'report'; id: string }
  | { page: 'beamer'; id: string }
  | { page: 'not_found' };

export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'start' };
  if (parts.length === 2 && parts[0] === 'join') return { page: 'join', id: parts[1] };
  if (parts.length === 2 && parts[0] === 's') return { page: 'session', id: parts[1] };
  if (parts.length === 3 && parts[0] === 's' && parts[2] === 'report') return { page: 'report', id: parts[1] };
  if (parts.length === 2 && parts[0] === 'beamer') return { page: 'beamer', id: parts[1] };
  return { page: 'not_found' };
}

const listeners = new Set<() => void>();

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const fn of listeners) fn();
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** The secret after '#', which never reaches a server in a request line. */
export function fragment(): string {
  return decodeURIComponent(location.hash.replace(/^#/, ''));
}
