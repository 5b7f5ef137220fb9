-- Descriptions, abstracts, titles and biographies once per language (as zone facts since 022): the existing column
-- holds the Chinese text, the *_en column the English; readers show the one of their language and fall back to the
-- other, marked as being in the other language. (zone_partners.note is an internal note and stays one text.)
alter table zones add column description_en text;
alter table organizations add column description_en text;
alter table people add column title_en text;
alter table people add column bio_en text;
alter table achievements add column title_en text;
alter table achievements add column abstract_en text;
alter table projects add column description_en text;

-- Texts written before this split that carry both languages as "中文… / English…" (the demo data did): split those
-- with exactly one separator, on one line, whose first part has Chinese characters and whose second part has none
-- (multi-line texts are left for a person to split). Search text is unchanged: it holds both already.
update zones set description_en = btrim(split_part(description, '/ ', 2)), description = btrim(split_part(description, '/ ', 1))
  where description_en is null and description like '%/ %' and description not like '%/ %/ %' and description not like '%' || chr(10) || '%'
    and split_part(description, '/ ', 1) ~ '[一-鿿]' and split_part(description, '/ ', 2) !~ '[一-鿿]';
update organizations set description_en = btrim(split_part(description, '/ ', 2)), description = btrim(split_part(description, '/ ', 1))
  where description_en is null and description like '%/ %' and description not like '%/ %/ %' and description not like '%' || chr(10) || '%'
    and split_part(description, '/ ', 1) ~ '[一-鿿]' and split_part(description, '/ ', 2) !~ '[一-鿿]';
update projects set description_en = btrim(split_part(description, '/ ', 2)), description = btrim(split_part(description, '/ ', 1))
  where description_en is null and description like '%/ %' and description not like '%/ %/ %' and description not like '%' || chr(10) || '%'
    and split_part(description, '/ ', 1) ~ '[一-鿿]' and split_part(description, '/ ', 2) !~ '[一-鿿]';
update achievements set abstract_en = btrim(split_part(abstract, '/ ', 2)), abstract = btrim(split_part(abstract, '/ ', 1))
  where abstract_en is null and abstract like '%/ %' and abstract not like '%/ %/ %' and abstract not like '%' || chr(10) || '%'
    and split_part(abstract, '/ ', 1) ~ '[一-鿿]' and split_part(abstract, '/ ', 2) !~ '[一-鿿]';
