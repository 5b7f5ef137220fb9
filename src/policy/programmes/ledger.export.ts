/**
 * Finance export of a programme: disbursements and the journal as an XLSX workbook, headers in the caller's
 * language, money in yuan rounded to the fen (computed from integer fen, shown with two decimals).
 */
import ExcelJS from 'exceljs';
import type { Queryable } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import type { Locale } from '../../shared/i18n';
import { assertManager } from './access';
import { loadProgramme } from './programme.service';

const H = {
  disbursements: { zh: '拨付明细', en: 'Disbursements' },
  journal: { zh: '分录', en: 'Journal' },
  accounts: { zh: '科目余额', en: 'Account balances' },
  batch: { zh: '批次', en: 'Batch' },
  application: { zh: '申报编号', en: 'Application' },
  organization: { zh: '机构', en: 'Organisation' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  paidAt: { zh: '拨付时间', en: 'Paid at' },
  paidBy: { zh: '经办人', en: 'Paid by' },
  entry: { zh: '分录号', en: 'Entry' },
  date: { zh: '时间', en: 'Time' },
  kind: { zh: '类型', en: 'Kind' },
  debit: { zh: '借方', en: 'Debit' },
  credit: { zh: '贷方', en: 'Credit' },
  memo: { zh: '摘要', en: 'Memo' },
  account: { zh: '科目', en: 'Account' },
  balance: { zh: '余额（元）', en: 'Balance (yuan)' },
} as const;

const ACCOUNT = { appropriation: { zh: '预算拨入', en: 'Appropriation' }, budget: { zh: '项目预算', en: 'Programme budget' }, paid: { zh: '已拨付', en: 'Paid' } } as const;

/** fen → yuan with exactly two decimals (string arithmetic on the integer, never a float division for the value). */
export const fenToYuan = (fen: number) => Number(`${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`);

export async function exportLedgerXlsx(db: Queryable, actor: Actor | null, programmeId: number, locale: Locale): Promise<Buffer> {
  const p = await loadProgramme(db, programmeId);
  await assertManager(db, actor, p.zone_id);
  const L = locale === 'en' ? 'en' : 'zh';
  const h = (k: keyof typeof H) => H[k][L];
  const wb = new ExcelJS.Workbook();
  const money = { numFmt: '#,##0.00' };

  const ds = wb.addWorksheet(h('disbursements'));
  ds.columns = [
    { header: h('batch'), key: 'batch', width: 8 }, { header: h('application'), key: 'app', width: 12 }, { header: h('organization'), key: 'org', width: 36 },
    { header: h('creditCode'), key: 'cc', width: 22 }, { header: h('amount'), key: 'amount', width: 16, style: money }, { header: h('paidAt'), key: 'at', width: 22 },
    { header: h('paidBy'), key: 'by', width: 14 },
  ];
  const disb = await db.query<{ batch_id: number; application_id: number; name_zh: string; name_en: string | null; credit_code: string | null; amount_fen: number; paid_at: string; username: string | null }>(
    `select d.batch_id, d.application_id, o.name_zh, o.name_en, o.credit_code, d.amount_fen, d.paid_at, u.username
     from policy_disbursements d join organizations o on o.id = d.organization_id join policy_disbursement_batches b on b.id = d.batch_id left join users u on u.id = b.paid_by
     where d.programme_id = $1 order by d.id`, [programmeId]);
  for (const d of disb) {
    ds.addRow({ batch: Number(d.batch_id), app: Number(d.application_id), org: L === 'en' ? d.name_en ?? d.name_zh : d.name_zh, cc: d.credit_code, amount: fenToYuan(Number(d.amount_fen)), at: d.paid_at, by: d.username });
  }

  const js = wb.addWorksheet(h('journal'));
  js.columns = [
    { header: h('entry'), key: 'id', width: 8 }, { header: h('date'), key: 'at', width: 22 }, { header: h('kind'), key: 'kind', width: 14 },
    { header: h('debit'), key: 'debit', width: 32 }, { header: h('credit'), key: 'credit', width: 32 }, { header: h('amount'), key: 'amount', width: 16, style: money },
    { header: h('memo'), key: 'memo', width: 30 },
  ];
  const name = (kind: string, zh: string | null, en: string | null) => (kind === 'paid' ? `${ACCOUNT.paid[L]}: ${L === 'en' ? en ?? zh : zh}` : ACCOUNT[kind as 'budget'][L]);
  const entries = await db.query<{ id: number; created_at: string; kind: string; amount_fen: number; memo: string | null; dk: string; dzh: string | null; den: string | null; ck: string; czh: string | null; cen: string | null }>(
    `select e.id, e.created_at, e.kind, e.amount_fen, e.memo, da.kind as dk, od.name_zh as dzh, od.name_en as den, ca.kind as ck, oc.name_zh as czh, oc.name_en as cen
     from policy_ledger_entries e join policy_ledger_accounts da on da.id = e.debit_account_id join policy_ledger_accounts ca on ca.id = e.credit_account_id
       left join organizations od on od.id = da.organization_id left join organizations oc on oc.id = ca.organization_id
     where e.programme_id = $1 order by e.id`, [programmeId]);
  for (const e of entries) {
    js.addRow({ id: Number(e.id), at: e.created_at, kind: e.kind, debit: name(e.dk, e.dzh, e.den), credit: name(e.ck, e.czh, e.cen), amount: fenToYuan(Number(e.amount_fen)), memo: e.memo });
  }

  const as = wb.addWorksheet(h('accounts'));
  as.columns = [{ header: h('account'), key: 'account', width: 40 }, { header: h('balance'), key: 'balance', width: 18, style: money }];
  const accounts = await db.query<{ kind: string; balance_fen: number; name_zh: string | null; name_en: string | null }>(
    `select a.kind, a.balance_fen, o.name_zh, o.name_en from policy_ledger_accounts a left join organizations o on o.id = a.organization_id where a.programme_id = $1 order by a.id`, [programmeId]);
  for (const a of accounts) as.addRow({ account: name(a.kind, a.name_zh, a.name_en), balance: fenToYuan(Number(a.balance_fen)) });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
