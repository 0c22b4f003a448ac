import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { FigureTable } from './figure-table.tsx';
import { likedOptions, meantOptions } from './questionnaire.ts';
import { questionnaireTexts as texts } from './questionnaire-pages.tsx';
import type { ChildrenFigures } from './questionnaire-store.ts';

const figureTexts = {
  nl: {
    title: 'Wat kinderen zeggen',
    intro:
      'Kinderen die iets kregen, zoals sport, zwemles of een laptop, konden daarna een korte vragenlijst invullen. Zo vonden ze het, per gemeente.',
    caption: 'Aantal antwoorden per gemeente: hoe vond je het?',
    municipality: 'Gemeente',
    total: 'Totaal',
    meantTitle: 'Wat het voor hen betekende (heel Nederland)',
    meantCaption: 'Aantal kinderen dat dit antwoord koos (meer antwoorden mogelijk)',
    answers: 'Antwoorden',
    none: 'Nog geen antwoorden.',
  },
  en: {
    title: 'What children say',
    intro:
      'Children who received something, such as sport, swimming lessons or a laptop, could then fill in a short questionnaire. This is what they thought, per municipality.',
    caption: 'Number of answers per municipality: what did you think of it?',
    municipality: 'Municipality',
    total: 'Total',
    meantTitle: 'What it meant to them (whole country)',
    meantCaption: 'Number of children who chose this answer (several answers possible)',
    answers: 'Answers',
    none: 'No answers yet.',
  },
};

export function ChildrenFiguresPage({
  context,
  figures,
  names,
}: {
  context: PageContext;
  figures: ChildrenFigures;
  names: Map<string, string>;
}) {
  const locale = context.locale;
  const text = figureTexts[locale];
  const q = texts[locale];
  return (
    <Layout context={context} title={text.title}>
      <h1 class="utrecht-heading-1">{text.title}</h1>
      <p class="utrecht-paragraph">{text.intro}</p>
      {figures.municipalities.length === 0 ? (
        <p class="utrecht-paragraph">{text.none}</p>
      ) : (
        <>
          <FigureTable
            id="per-gemeente"
            caption={text.caption}
            corner={text.municipality}
            columns={likedOptions.map((l) => q.liked[l]!)}
            totalLabel={text.total}
            rows={figures.municipalities.map((code, i) => ({
              label: names.get(code) ?? code,
              cells: figures.liked.cells[i]!,
              total: figures.liked.rowTotals[i]!,
            }))}
            locale={locale}
          />
          <h2 class="utrecht-heading-2">{text.meantTitle}</h2>
          <FigureTable
            id="betekenis"
            caption={text.meantCaption}
            corner={text.answers}
            columns={meantOptions.map((m) => q.meant[m]!)}
            totalLabel={text.total}
            rows={[{ label: text.total, cells: figures.meant.cells[0]!, total: figures.meant.rowTotals[0]! }]}
            locale={locale}
          />
        </>
      )}
    </Layout>
  );
}
