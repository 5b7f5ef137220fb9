// Funds (risk-compensation pools, innovation vouchers) and talent evaluation pages (nested routes under /policy).
import { Routes } from 'react-router-dom';
import type { MessageKey } from '../../../shared/i18n/zh-CN';

export const FUNDS_TALENT_TABS: { key: string; label: MessageKey }[] = [{ key: 'funds', label: 'policy.tab.funds' }];

export function FundsTalentArea() {
  return <Routes />;
}
