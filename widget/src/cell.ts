/**
 * The widget's reactive state, smallest form: a cell holds a value and tells its instance's
 * notifier when the value changes; the element re-renders its tree on the next microtask. One
 * notifier per <tthc-feedback> (never module-level), shared by the models of that element. Cheaper
 * than a signals library in the first file (about 4 KB gzip) and enough for a form this size.
 */
export interface Cell<T> {
  value: T;
}

export interface Notifier {
  cell<T>(initial: T): Cell<T>;
  /** Calls `listener` after changes (batched per microtask); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export function createNotifier(): Notifier {
  const listeners = new Set<() => void>();
  let queued = false;
  const changed = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      for (const l of [...listeners]) l();
    });
  };
  return {
    cell<T>(initial: T): Cell<T> {
      let current = initial;
      return {
        get value() {
          return current;
        },
        set value(next: T) {
          if (Object.is(next, current)) return;
          current = next;
          changed();
        },
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
