import type { Bar, LineSeries } from '../platform/charts/index.ts';
import type { Cell, DataTable } from '../platform/export/index.ts';
import type { Locale } from '../platform/i18n.ts';
import type { GroupReach, IncomeGroup, ReachDetail } from '../reach/index.ts';
import { breakdown } from './breakdown-view.ts';
import { CellWriter, percentText, reachCredit } from './cells.ts';
import { dashboardMessages } from './messages.ts';
import { municipalityMessages } from './municipality-messages.ts';

/**
 * Everything one municipality's dashboard shows, built once from the disclosure-controlled answers, so the
 * charts, the tables on the page and the downloaded files hold the same numbers.
 */
export type MunicipalityView = {
  code: string;
  name: string;
  year: number;
  groupBars: Bar[];
  groupDescription: string;
  groupTable: DataTable;
  yearSeries: LineSeries[];
  yearDescription: string;
  yearTable: DataTable;
  categoryBars: Bar[];
  categoryDescription: string;
  categoryTable: DataTable | null;
  providerBars: Bar[];
  providerDescription: string;
  providerTable: DataTable | null;
};

const targeted: IncomeGroup[] = ['bijstand', 'work'];

function groupTable(detail: ReachDetail, locale: Locale): DataTable {
  const text = municipalityMessages[locale];
  const shared = dashboardMessages[locale];
  const cells = new CellWriter(locale);
  const rows: Record<string, Cell>[] = detail.groups.map((group) => ({
    group: shared.groups[group.incomeGroup],
    reached: cells.count(group.reached),
    targetGroup: group.targetGroup?.children ?? null,
    kind: group.targetGroup ? shared.targetGroupKinds[group.targetGroup.kind] : '',
    percent: cells.percent(group.reachPercent),
    target: group.target.percent ?? shared.noTarget,
    gap: group.target.percent === null ? null : (group.gap ?? shared.noGap),
  }));
  rows.push({
    group: text.totalRow,
    reached: cells.count(detail.total),
    targetGroup: null,
    kind: '',
    percent: null,
    target: null,
    gap: null,
  });
  return {
    title: text.groupsTableTitle(detail.municipality.name, detail.year),
    columns: [
      { key: 'group', label: text.columns.group, kind: 'text' },
      { key: 'reached', label: text.columns.reached, kind: 'number' },
      { key: 'targetGroup', label: text.columns.targetGroup, kind: 'number' },
      { key: 'kind', label: text.columns.kind, kind: 'text' },
      { key: 'percent', label: text.columns.percent, kind: 'number', decimals: 1 },
      { key: 'target', label: text.columns.target, kind: 'number' },
      { key: 'gap', label: text.columns.gap, kind: 'number', decimals: 1 },
    ],
    rows,
    source: reachCredit(locale),
    notes: cells.notes(detail.groups.some((g) => g.targetGroup?.estimate) ? [shared.explainEstimate] : []),
  };
}

function groupBars(detail: ReachDetail, locale: Locale): Bar[] {
  const shared = dashboardMessages[locale];
  return detail.groups.map((group) => ({
    key: group.incomeGroup,
    label: shared.groups[group.incomeGroup],
    value: group.reachPercent.value,
    missingReason: group.reachPercent.suppressed
      ? shared.hiddenShort[group.reachPercent.suppressed.code]
      : undefined,
    target:
      group.target.percent === null
        ? undefined
        : {
            value: group.target.percent,
            label: shared.targetLabel(percentText(group.target.percent, locale)),
          },
  }));
}

function describeBars(groups: GroupReach[], locale: Locale): string {
  const text = municipalityMessages[locale].describe;
  const shared = dashboardMessages[locale];
  return [
    ...groups.map((group) =>
      group.reachPercent.value === null
        ? text.barHidden(shared.groups[group.incomeGroup])
        : text.bar(
            shared.groups[group.incomeGroup],
            percentText(group.reachPercent.value, locale),
            group.target.percent === null ? shared.noTarget : percentText(group.target.percent, locale),
          ),
    ),
    text.table,
  ].join(' ');
}

function yearTable(history: ReachDetail[], locale: Locale): DataTable {
  const text = municipalityMessages[locale];
  const shared = dashboardMessages[locale];
  const cells = new CellWriter(locale);
  const byGroup = (detail: ReachDetail, group: IncomeGroup) =>
    detail.groups.find((entry) => entry.incomeGroup === group)!;
  return {
    title: text.yearsTableTitle(history[0]?.municipality.name ?? ''),
    columns: [
      { key: 'year', label: text.columns.year, kind: 'text' },
      ...(['bijstand', 'work', 'other'] as const).flatMap((group) => [
        { key: `${group}-reached`, label: text.reachedOf(shared.groups[group]), kind: 'number' as const },
        {
          key: `${group}-percent`,
          label: text.percentOf(shared.groups[group]),
          kind: 'number' as const,
          decimals: 1,
        },
      ]),
      ...targeted.map((group) => ({
        key: `${group}-target`,
        label: text.targetOf(shared.groups[group]),
        kind: 'number' as const,
      })),
    ],
    rows: history.map((detail) => ({
      year: String(detail.year),
      ...Object.fromEntries(
        (['bijstand', 'work', 'other'] as const).flatMap((group) => [
          [`${group}-reached`, cells.count(byGroup(detail, group).reached)],
          [`${group}-percent`, cells.percent(byGroup(detail, group).reachPercent)],
        ]),
      ),
      ...Object.fromEntries(
        targeted.map((group) => [`${group}-target`, byGroup(detail, group).target.percent]),
      ),
    })),
    source: reachCredit(locale),
    notes: cells.notes(),
  };
}

function yearSeries(history: ReachDetail[], locale: Locale): LineSeries[] {
  const text = municipalityMessages[locale];
  const shared = dashboardMessages[locale];
  const points = (pick: (group: GroupReach) => number | null, group: IncomeGroup) =>
    history.map((detail) => ({
      x: detail.year,
      y: pick(detail.groups.find((entry) => entry.incomeGroup === group)!),
    }));
  const reach: LineSeries[] = (['bijstand', 'work', 'other'] as const).map((group) => ({
    key: group,
    label: shared.groups[group],
    points: points((entry) => entry.reachPercent.value, group),
  }));
  const targets: LineSeries[] = targeted.map((group, index) => ({
    key: `${group}-target`,
    label: text.targetSeries(shared.groups[group]),
    line: index === 0 ? 'dashed' : 'dotted',
    marker: 'none',
    colour: '#333333',
    points: points((entry) => entry.target.percent, group),
  }));
  return [...reach, ...targets];
}

function describeYears(series: LineSeries[], locale: Locale): string {
  const text = municipalityMessages[locale].describe;
  const parts = series.flatMap((s) => {
    const shown = s.points.filter((p) => p.y !== null);
    const first = shown[0];
    const last = shown[shown.length - 1];
    if (!first || !last) return [];
    const at = (p: { x: number; y: number | null }) => `${percentText(p.y!, locale)} (${p.x})`;
    return [text.line(s.label, at(first), at(last))];
  });
  return [...(parts.length ? parts : [text.lineEmpty]), text.table].join(' ');
}

export function buildMunicipalityView(
  detail: ReachDetail,
  history: ReachDetail[],
  labels: { category: (key: string) => string; provider: (key: string) => string },
  locale: Locale,
): MunicipalityView {
  const text = municipalityMessages[locale];
  const { name } = detail.municipality;
  const series = yearSeries(history, locale);
  const category = breakdown(
    detail.byCategory,
    labels.category,
    text.categoryTableTitle(name, detail.year),
    text.columns.category,
    locale,
  );
  const provider = breakdown(
    detail.byProvider,
    labels.provider,
    text.providerTableTitle(name, detail.year),
    text.columns.provider,
    locale,
  );
  return {
    code: detail.municipality.code,
    name,
    year: detail.year,
    groupBars: groupBars(detail, locale),
    groupDescription: describeBars(detail.groups, locale),
    groupTable: groupTable(detail, locale),
    yearSeries: series,
    yearDescription: describeYears(series, locale),
    yearTable: yearTable(history, locale),
    categoryBars: category.bars,
    categoryDescription: category.description,
    categoryTable: category.table,
    providerBars: provider.bars,
    providerDescription: provider.description,
    providerTable: provider.table,
  };
}
