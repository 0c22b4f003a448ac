import type { ComponentChildren } from 'preact';

/** A part of a page named by its own heading, so screen readers list it as a region by that name. */
export function HeadedSection(props: { id: string; heading: string; children?: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 class="utrecht-heading-2" id={props.id}>
        {props.heading}
      </h2>
      {props.children}
    </section>
  );
}
