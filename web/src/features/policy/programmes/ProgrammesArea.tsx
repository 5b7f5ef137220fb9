// Incentive programmes (application → review → public notice → disbursement), the ledger and funds (nested routes under /policy).
import { Routes } from 'react-router-dom';
import type { MessageKey } from '../../../shared/i18n/zh-CN';

export const PROGRAMME_TABS: { key: string; label: MessageKey }[] = [{ key: 'programmes', label: 'policy.tab.programmes' }];

export function ProgrammesArea() {
  return <Routes />;
}
