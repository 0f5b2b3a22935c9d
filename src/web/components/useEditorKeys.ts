// What a page editing a document does with the keyboard and the window: Ctrl+S (⌘S) saves, and
// leaving with unsaved changes asks first.
import { useEffect } from 'react';

export function useEditorKeys(save: () => void, dirty: boolean): void {
  // Re-bound on every render: `save` closes over the page's current state.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 's') {
        e.preventDefault();
        save();
      }
    };
    const onLeave = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onLeave);
    };
  });
}
