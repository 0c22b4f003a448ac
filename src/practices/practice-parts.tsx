import type { ComponentChildren } from 'preact';
import type { Locale } from '../platform/i18n.ts';
import { practiceMessages } from './messages.ts';
import type { Practice } from './store.ts';

/**
 * A practice in a list. The link's hidden tail names the practice, so a screen reader's list of links
 * reads "Open: <title>" rather than a row of identical "Open"s.
 */
export function PracticeCard(props: {
  practice: Practice;
  href: string;
  linkText: string;
  /** h2 on a page of cards, h3 under a results heading. */
  heading: 'h2' | 'h3';
  children: ComponentChildren;
}) {
  const { practice, heading: Heading } = props;
  return (
    <li class="meedoen-card">
      <Heading class="utrecht-heading-3" lang="nl">
        {practice.title}
      </Heading>
      {props.children}
      <a class="utrecht-link" href={props.href}>
        {props.linkText}
        <span class="meedoen-visually-hidden">: {practice.title}</span>
      </a>
    </li>
  );
}

/** The way back above the title; the title is in the practice's own language (Dutch). */
export function PracticeTitle(props: { title: string; back: string; backText: string }) {
  return (
    <>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={props.back}>
          {props.backText}
        </a>
      </p>
      <h1 class="utrecht-heading-1" lang="nl">
        {props.title}
      </h1>
    </>
  );
}

export function StatusLine({ practice, locale }: { practice: Practice; locale: Locale }) {
  const text = practiceMessages[locale];
  return (
    <p class="utrecht-paragraph">
      {text.status}: <strong>{text.statuses[practice.status]}</strong>
    </p>
  );
}
