import type { ComponentChildren } from 'preact';

/** A short confirmation ("Saved.") that screen readers announce without moving the focus. */
export function StatusNotice({ children }: { children: ComponentChildren }) {
  return (
    <p class="utrecht-paragraph meedoen-notice" role="status">
      {children}
    </p>
  );
}
