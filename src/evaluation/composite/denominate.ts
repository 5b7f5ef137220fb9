/**
 * Denomination: divide each indicator by the denominator named in its framework row
 * (COINr's Denominate with no scale factor). A zero denominator would yield Infinity or NaN,
 * so it is an error naming the indicator and unit.
 */
import { type ColTable, type Column, cloneTable } from './columns';
import { CompositeError } from './errors';
import type { Framework } from './framework';

export function denominate(t: ColTable, fw: Framework, denominators: Record<string, Column>): ColTable {
  const out = cloneTable(t);
  out.codes.forEach((code, j) => {
    const denomName = fw.byCode.get(code)?.denominator ?? null;
    if (!denomName) return;
    const d = denominators[denomName];
    if (!d) throw new CompositeError('MISSING_DENOMINATOR', code, `denominator column "${denomName}" is not in the data`);
    const col = out.cols[j];
    for (let i = 0; i < col.length; i++) {
      if (Number.isNaN(col[i])) continue;
      if (Number.isNaN(d[i])) {
        col[i] = NaN;
      } else if (d[i] === 0) {
        throw new CompositeError('DIVISION_BY_ZERO', code, `denominator "${denomName}" is 0 for unit ${out.units[i]}`);
      } else {
        col[i] = col[i] / d[i];
      }
    }
  });
  return out;
}
