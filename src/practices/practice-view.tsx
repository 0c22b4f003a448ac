import { ambitionLabels } from '../actions/index.ts';
import { isLifeDomain, lifeDomainLabels } from '../insight/index.ts';
import { formatMoment, type Locale } from '../platform/i18n.ts';
import { practiceMessages } from './messages.ts';
import type { Practice, ReviewStep } from './store.ts';

/** A practice's content, in the language it was written in (Dutch unless told otherwise). */
export function PracticeBody({ practice, locale }: { practice: Practice; locale: Locale }) {
  const text = practiceMessages[locale];
  const prose = (label: string, value: string) => (
    <>
      <h2 class="utrecht-heading-2">{label}</h2>
      {value.split(/\n{2,}/).map((paragraph, index) => (
        <p class="utrecht-paragraph" lang="nl" key={index}>
          {paragraph}
        </p>
      ))}
    </>
  );
  return (
    <>
      <p class="utrecht-paragraph utrecht-paragraph--lead" lang="nl">
        {practice.summary}
      </p>
      <dl class="meedoen-facts">
        <dt>{text.fields.ambitions}</dt>
        <dd>{practice.ambitions.map((a) => ambitionLabels[locale][a]).join('; ')}</dd>
        <dt>{text.fields.lifeDomains}</dt>
        <dd>
          {practice.lifeDomains
            .filter(isLifeDomain)
            .map((d) => lifeDomainLabels[locale][d])
            .join(', ')}
        </dd>
        <dt>{text.fields.targetGroup}</dt>
        <dd lang="nl">{practice.targetGroup}</dd>
        <dt>{text.fields.evidence}</dt>
        <dd>{text.evidence[practice.evidence as 'measured']}</dd>
        <dt>{text.fields.costs}</dt>
        <dd lang="nl">{practice.costs}</dd>
        <dt>{text.fields.contact}</dt>
        <dd>{practice.contact}</dd>
      </dl>
      {prose(text.fields.problem, practice.problem)}
      {prose(text.fields.approach, practice.approach)}
      {prose(text.fields.results, practice.results)}
      <h2 class="utrecht-heading-2">{text.fields.documents}</h2>
      {practice.documents.length === 0 ? (
        <p class="utrecht-paragraph">{text.noDocuments}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {practice.documents.map((document) => (
            <li key={document.url}>
              <a class="utrecht-link" href={document.url} rel="noopener noreferrer">
                {document.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ReviewHistory({ steps, locale }: { steps: ReviewStep[]; locale: Locale }) {
  const text = practiceMessages[locale];
  return (
    <>
      <h2 class="utrecht-heading-2">{text.history}</h2>
      <ol class="utrecht-ordered-list">
        {steps.map((step, index) => (
          <li key={index}>
            {formatMoment(step.at, locale)}: {text.statuses[step.toStatus as 'submitted']}
            {step.comment && (
              <>
                {' — '}
                <span lang="nl">{step.comment}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
