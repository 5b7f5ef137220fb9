// Funds (risk-compensation pools, innovation vouchers) and talent evaluation pages (nested routes under /policy).
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Segmented } from 'antd';
import type { MessageKey } from '../../../shared/i18n/zh-CN';
import { useI18n } from '../../../shared/i18n';
import { PoolsPage } from './PoolsPage';
import { VouchersPage } from './VouchersPage';
import { TalentPage } from './TalentPage';
import { TalentProgrammesPage } from './TalentProgrammesPage';

export const FUNDS_TALENT_TABS: { key: string; label: MessageKey }[] = [
  { key: 'funds', label: 'policy.tab.funds' },
  { key: 'talent', label: 'policy.tab.talent' },
];

/**
 * The sub-pages of one tab as a segmented control: the first option is the tab's own address, the second a
 * sub-path of it (/policy/funds and /policy/funds/vouchers).
 */
function SubNav({ base, options }: { base: string; options: [{ key: string; label: MessageKey; testId: string }, { key: string; label: MessageKey; testId: string }] }) {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const [home, sub] = options;
  const value = location.pathname.split('/')[3] === sub.key ? sub.key : home.key;
  return (
    <Segmented
      value={value}
      onChange={(v) => navigate(v === sub.key ? `${base}/${sub.key}` : base)}
      options={options.map((o) => ({ value: o.key, label: <span data-testid={o.testId}>{t(o.label)}</span> }))}
      style={{ marginBottom: 12 }}
    />
  );
}

function FundsPages() {
  return (
    <div data-testid="funds-area">
      <SubNav base="/policy/funds" options={[
        { key: 'pools', label: 'funds.nav.pools', testId: 'funds-nav-pools' },
        { key: 'vouchers', label: 'funds.nav.vouchers', testId: 'funds-nav-vouchers' },
      ]} />
      <Routes>
        <Route path="vouchers" element={<VouchersPage />} />
        <Route path="*" element={<PoolsPage />} />
      </Routes>
    </div>
  );
}

function TalentPages() {
  return (
    <div data-testid="talent-area">
      <SubNav base="/policy/talent" options={[
        { key: 'evaluation', label: 'talent.nav.evaluation', testId: 'talent-nav-evaluation' },
        { key: 'programmes', label: 'talent.nav.programmes', testId: 'talent-nav-programmes' },
      ]} />
      <Routes>
        <Route path="programmes" element={<TalentProgrammesPage />} />
        <Route path="*" element={<TalentPage />} />
      </Routes>
    </div>
  );
}

export function FundsTalentArea() {
  const location = useLocation();
  return location.pathname.split('/')[2] === 'talent' ? <TalentPages /> : <FundsPages />;
}
