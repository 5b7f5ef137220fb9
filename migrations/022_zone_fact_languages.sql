-- Zone facts in one language at a time: metric, unit, period and source are the Chinese text, the *_en columns the
-- English (null where the English is the same text or missing; readers fall back to the other language).
alter table zone_facts add column metric_en text;
alter table zone_facts add column unit_en text;
alter table zone_facts add column period_en text;
alter table zone_facts add column source_en text;

-- Facts written before this split carried both languages in one text, "中文 / English": split those whose first
-- part has Chinese characters and whose second part has none (search text is unchanged: it holds both already).
update zone_facts set metric_en = substr(metric, strpos(metric, ' / ') + 3), metric = left(metric, strpos(metric, ' / ') - 1)
  where metric_en is null and metric like '% / %' and metric not like '% / % / %'
    and left(metric, strpos(metric, ' / ') - 1) ~ '[一-鿿]' and substr(metric, strpos(metric, ' / ') + 3) !~ '[一-鿿]';
update zone_facts set unit_en = substr(unit, strpos(unit, ' / ') + 3), unit = left(unit, strpos(unit, ' / ') - 1)
  where unit_en is null and unit like '% / %' and unit not like '% / % / %'
    and left(unit, strpos(unit, ' / ') - 1) ~ '[一-鿿]' and substr(unit, strpos(unit, ' / ') + 3) !~ '[一-鿿]';
