/**
 * Idempotent loading of the shipped indicator library and the three shipped frameworks (call at start).
 * Shipped definitions are refreshed from code on every call; user-created indicators and frameworks are untouched.
 */
import type { Db } from '../../shared/db';
import { SHIPPED_INDICATORS } from './indicators';
import { SHIPPED_FRAMEWORKS } from './shipped';
import { validateFrameworkDef } from '../indicators/framework.service';
import { checkDefinition, type IndicatorInputBody } from '../indicators/indicator.service';

export async function loadShippedFrameworks(db: Db): Promise<{ indicators: number; frameworks: number }> {
  return db.transaction(async (tx) => {
    for (const def of SHIPPED_INDICATORS) {
      const d = checkDefinition({ direction: 1, params: {}, ...def } as IndicatorInputBody);
      await tx.query(`insert into indicators (code, name_zh, name_en, description, unit, direction, kind, computation, params, source, shipped)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, true)
        on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en, description = excluded.description, unit = excluded.unit,
          direction = excluded.direction, kind = excluded.kind, computation = excluded.computation, params = excluded.params, source = excluded.source,
          updated_at = case when (indicators.name_zh, indicators.unit, indicators.kind, indicators.computation, indicators.params)
            is distinct from (excluded.name_zh, excluded.unit, excluded.kind, excluded.computation, excluded.params) then now() else indicators.updated_at end
        where indicators.shipped`,
      [d.code, d.name_zh, d.name_en ?? null, d.description ?? null, d.unit, d.direction ?? 1, d.kind, d.computation ?? null, JSON.stringify(d.params ?? {}), d.source ?? null]);
    }
    const ids = new Map((await tx.query<{ id: number; code: string }>('select id, code from indicators')).map((r) => [r.code, r.id]));
    for (const fw of SHIPPED_FRAMEWORKS) {
      validateFrameworkDef(fw.nodes, fw.method, fw.options, ids);
      const existing = await tx.query<{ id: number }>('select id from frameworks where code = $1', [fw.code]);
      let id: number;
      if (existing[0]) {
        id = existing[0].id;
        await tx.query(`update frameworks set name_zh = $2, name_en = $3, description = $4, method = $5::jsonb, options = $6::jsonb where id = $1 and shipped`,
          [id, fw.name_zh, fw.name_en, fw.description, JSON.stringify(fw.method), JSON.stringify(fw.options)]);
      } else {
        id = (await tx.query<{ id: number }>(`insert into frameworks (code, name_zh, name_en, description, method, options, shipped)
          values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, true) returning id`,
        [fw.code, fw.name_zh, fw.name_en, fw.description, JSON.stringify(fw.method), JSON.stringify(fw.options)]))[0]!.id;
      }
      await tx.query('delete from framework_nodes where framework_id = $1', [id]);
      await tx.query(`insert into framework_nodes (framework_id, code, parent_code, level, indicator_id, name_zh, name_en, description, weight, sort)
        select $1, x.code, x.parent, x.level, x.indicator_id, x.name_zh, x.name_en, x.description, x.weight, x.sort
        from jsonb_to_recordset($2::jsonb) as x(code text, parent text, level int, indicator_id int8, name_zh text, name_en text, description text, weight float8, sort int)`,
      [id, JSON.stringify(fw.nodes.map((n, k) => {
        const ind = n.indicator ? SHIPPED_INDICATORS.find((i) => i.code === n.indicator) : undefined;
        return {
          code: n.code, parent: n.parent, level: n.level, indicator_id: n.indicator ? ids.get(n.indicator) ?? null : null,
          name_zh: ind?.name_zh ?? n.name_zh, name_en: ind?.name_en ?? n.name_en ?? null, description: n.description ?? null, weight: n.weight, sort: k,
        };
      }))]);
    }
    return { indicators: SHIPPED_INDICATORS.length, frameworks: SHIPPED_FRAMEWORKS.length };
  });
}
