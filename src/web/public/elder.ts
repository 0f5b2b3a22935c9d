// 适老模式 (elder-friendly mode): large type, high contrast, larger targets. The class on <html> is
// the state; static/portal-prefs.js sets it before the first paint from the same stored key.
import { useSyncExternalStore } from 'react';

const KEY = 'fazhi.portal.elder';
const CLASS = 'elder';
const listeners = new Set<() => void>();

const isOn = () => document.documentElement.classList.contains(CLASS);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function remember(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage is off (private mode): the mode lasts for this page only.
  }
}

export function setElderMode(on: boolean): void {
  document.documentElement.classList.toggle(CLASS, on);
  remember(on);
  listeners.forEach((l) => l());
}

export const useElderMode = (): boolean => useSyncExternalStore(subscribe, isOn);
