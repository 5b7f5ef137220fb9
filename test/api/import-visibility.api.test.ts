import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, multipart, startTestApp, type TestApp } from '../helpers/test-app';
import { completeCreditCode } from '../../src/registry/credit-code';

/**
 * Issue 12: file imports re-check what the importing user may see. A row that refers (by id, name, code or credit code)
 * to a record the user may not read gets the same row error as a reference to nothing at all, naming only what the
 * user typed, and nothing of the file is written.
 */
describe.each(BACKENDS)('import references respect visibility on %s', (backend) => {
  let t: TestApp;
  let operator: Client;
  let orgUser: Client;
  let admin: Client;
  const secret = { id: 0, code: 'SECRET-ORG-1', name_zh: '外区未公开机密机构', credit_code: completeCreditCode('91620100MA7S00001') };
  let own: { code: string };

  type Issue = { line: number; field: string; column: string; message: string };
  const importCsv = (client: Client, entity: string, csv: string, mode = 'validate') =>
    client.request({ method: 'POST', url: `/api/imports/${entity}?mode=${mode}`, ...multipart('rows.csv', csv) });

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 20 });
    operator = await new Client(t.app, 'en').login('operator');
    orgUser = await new Client(t.app, 'en').login('orguser');
    admin = await new Client(t.app, 'en').login('admin');
    const db = t.testDb.db;
    // An unpublished organisation in a zone outside the demo operator's (兰州新区) subtree.
    const other = (await db.query<{ id: number }>(`
      with recursive sub(id) as (select id from zones where code = 'LZNA' union select z.id from zones z join sub on z.parent_id = sub.id)
      select id from zones where id not in (select id from sub) order by id limit 1`))[0]!;
    secret.id = Number((await db.query<{ id: number }>(
      `insert into organizations (code, zone_id, kind, name_zh, credit_code, published) values ($1, $2, 'enterprise', $3, $4, false) returning id`,
      [secret.code, other.id, secret.name_zh, secret.credit_code]))[0]!.id);
    own = (await db.query<{ code: string }>(`select o.code from organizations o join zones z on z.id = o.zone_id where z.code = 'LZNA' order by o.id limit 1`))[0]!;
  }, 120_000);
  afterAll(() => t?.close());

  const statistics = async () => Number((await t.testDb.db.query<{ n: number }>('select count(*)::int8 as n from annual_statistics'))[0]!.n);

  it('refuses a reference to another zone\'s unpublished organisation exactly as one to nothing, naming nothing of it', async () => {
    for (const client of [operator, orgUser]) {
      for (const ref of [String(secret.id), secret.name_zh, secret.code, secret.credit_code, secret.credit_code.toLowerCase()]) {
        const res = await importCsv(client, 'annual-statistics', `organization,year,staff\n${ref},2022,10\n`);
        expect(res.statusCode, res.body).toBe(200);
        const errors = res.json().errors as Issue[];
        expect(errors).toContainEqual({ line: 2, field: 'organization_id', column: 'Organisation', message: `Organisation: no Organisations with the code, name or id "${ref}"` });
        // The same answer as for a reference that matches nothing.
        const none = (await importCsv(client, 'annual-statistics', `organization,year,staff\n${ref}X,2022,10\n`)).json().errors as Issue[];
        expect(none).toEqual(errors.map((e) => ({ ...e, message: e.message.replace(`"${ref}"`, `"${ref}X"`) })));
        const other = [secret.name_zh, secret.code, secret.credit_code, String(secret.id)].filter((v) => v !== ref && v.toLowerCase() !== ref.toLowerCase());
        for (const v of other) expect(res.body).not.toContain(v);
      }
    }
  });

  it('writes nothing of a file with such a reference, even beside valid rows', async () => {
    const before = await statistics();
    const csv = `organization,year,staff\n${own.code},2021,12\n${secret.code},2021,30\n`;
    const res = await importCsv(operator, 'annual-statistics', csv, 'commit');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).not.toContain(secret.name_zh);
    await t.jobs.drain();
    expect(await statistics()).toBe(before);
  });

  it('still resolves the same references for an admin, who may see them', async () => {
    const res = await importCsv(admin, 'annual-statistics', `organization,year,staff\n${secret.name_zh},2022,10\n${secret.credit_code},2023,11\n`);
    expect(res.json().errors).toEqual([]);
  });
});
