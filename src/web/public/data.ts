// Reading the public API: one request per address per visit (Back shows the page at once), and
// no session — the portal never asks who the visitor is, so nothing answers 401.
import { useEffect, useState } from 'react';
import { get } from '../api.ts';

const cache = new Map<string, Promise<unknown>>();

function load<T>(url: string): Promise<T> {
  let answer = cache.get(url);
  if (!answer) {
    answer = get<T>(url);
    cache.set(url, answer);
    answer.catch(() => cache.delete(url)); // a failure is tried again next time
  }
  return answer as Promise<T>;
}

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/** GET /api/v1{url}; null skips the request. */
export function usePublicApi<T>(url: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T> & { url: string | null }>({ url: null, data: undefined, error: undefined, loading: true });
  useEffect(() => {
    if (url === null) return;
    let current = true;
    load<T>(url).then(
      (data) => current && setState({ url, data, error: undefined, loading: false }),
      (error: Error) => current && setState({ url, data: undefined, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [url]);
  // While a new address loads, the previous answer is not shown as if it were the new one.
  return state.url === url ? state : { data: undefined, error: undefined, loading: url !== null };
}
