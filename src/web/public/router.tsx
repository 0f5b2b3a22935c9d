// The portal's router: a few dozen lines instead of react-router, so that a citizen's phone
// downloads React and the page's own code only.
import { useSyncExternalStore, type AnchorHTMLAttributes, type ComponentType, type LazyExoticComponent, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
/** True once the visitor has moved within the portal (then a new page takes the focus). */
let moved = false;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const currentHref = () => location.pathname + location.search;

/** The current path and query, re-rendering on navigation and on Back/Forward. */
export function useLocation(): { path: string; params: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, currentHref);
  const url = new URL(href, location.origin);
  return { path: url.pathname.replace(/\/+$/, '') || '/', params: url.searchParams };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentHref()) return;
  history[options.replace ? 'replaceState' : 'pushState'](null, '', to);
  if (!options.replace) {
    moved = true;
    window.scrollTo(0, 0);
  }
  listeners.forEach((l) => l());
}

export const movedWithinPortal = () => moved;
if (typeof window !== 'undefined') window.addEventListener('popstate', () => (moved = true));

/** A link within the portal: no page reload, but a new tab or window still works as usual. */
export function Link({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={onClick} {...rest} />;
}

export interface PageProps {
  /** The `:name` parts of the route's pattern. */
  params: Record<string, string>;
}

export interface PortalRoute {
  /** e.g. /public/reports/:id */
  pattern: string;
  page: ComponentType<PageProps> | LazyExoticComponent<ComponentType<PageProps>>;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a malformed escape: the page will say the item does not exist
  }
}

/** The route whose pattern the path matches, with its `:name` parameters. */
export function matchRoute(routes: readonly PortalRoute[], path: string): { route: PortalRoute; params: Record<string, string> } | null {
  const parts = path.split('/');
  for (const route of routes) {
    const pattern = route.pattern.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((p, i) => (p.startsWith(':') ? Boolean((params[p.slice(1)] = decode(parts[i]!))) : p === parts[i]));
    if (ok) return { route, params };
  }
  return null;
}
