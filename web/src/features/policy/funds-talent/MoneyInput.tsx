// A yuan amount typed as text and checked as text, so that the form hands integer fen to the API (see yuanToFen).
import { Input } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from '../../../shared/i18n';
import { yuanToFen } from './api';

export function MoneyInput(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  return <Input id={props.id} data-testid={props.id} prefix="¥" inputMode="decimal" value={props.value} onChange={(e) => props.onChange?.(e.target.value)} style={{ maxWidth: 240 }} />;
}

export const moneyRule = (t: TFunction): Rule => ({
  validator: (_r, v: string | undefined) => (yuanToFen(v) !== null && yuanToFen(v)! > 0 ? Promise.resolve() : Promise.reject(new Error(t('funds.yuanInvalid')))),
});
