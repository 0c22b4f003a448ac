/** A delivery as the reach counts it. */
export type CountedDelivery = {
  child: string;
  code: string;
  year: number;
  income: string;
  category: string;
  provider: string;
};

const AMSTERDAM = 'GM0363';
const WEESP = 'GM0457'; // merged into Amsterdam on 24 March 2022

/**
 * The reach the deliveries should give, by "code|year|dimension|value", worked out here with sets,
 * independently of the SQL: each child once per value. In today's boundaries Weesp counts under Amsterdam,
 * the only merged area the tests use.
 */
export function expectedReach(deliveries: CountedDelivery[], boundaries: 'recorded' | 'today') {
  const group = (income: string) => (income === 'bijstand' || income === 'work' ? income : 'other');
  const sets = new Map<string, Set<string>>();
  const add = (key: string, child: string) => sets.set(key, (sets.get(key) ?? new Set()).add(child));
  for (const d of deliveries) {
    const code = boundaries === 'today' && d.code === WEESP ? AMSTERDAM : d.code;
    if (boundaries === 'today' && code !== AMSTERDAM) continue; // only merged municipalities have 'today' rows
    add(`${code}|${d.year}|total|`, d.child);
    add(`${code}|${d.year}|income|${group(d.income)}`, d.child);
    add(`${code}|${d.year}|category|${d.category}`, d.child);
    add(`${code}|${d.year}|provider|${d.provider}`, d.child);
  }
  return new Map([...sets].map(([key, children]) => [key, children.size]));
}
