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

function FundsPages() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const sub = location.pathname.split('/')[3] === 'vouchers' ? 'vouchers' : 'pools';
  return (
    <div data-testid="funds-area">
      <Segmented
        value={sub}
        onChange={(v) => navigate(v === 'vouchers' ? '/policy/funds/vouchers' : '/policy/funds')}
        options={[
          { value: 'pools', label: <span data-testid="funds-nav-pools">{t('funds.nav.pools')}</span> },
          { value: 'vouchers', label: <span data-testid="funds-nav-vouchers">{t('funds.nav.vouchers')}</span> },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Routes>
        <Route path="vouchers" element={<VouchersPage />} />
        <Route path="*" element={<PoolsPage />} />
      </Routes>
    </div>
  );
}

function TalentPages() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const sub = location.pathname.split('/')[3] === 'programmes' ? 'programmes' : 'evaluation';
  return (
    <div data-testid="talent-area">
      <Segmented
        value={sub}
        onChange={(v) => navigate(v === 'programmes' ? '/policy/talent/programmes' : '/policy/talent')}
        options={[
          { value: 'evaluation', label: <span data-testid="talent-nav-evaluation">{t('talent.nav.evaluation')}</span> },
          { value: 'programmes', label: <span data-testid="talent-nav-programmes">{t('talent.nav.programmes')}</span> },
        ]}
        style={{ marginBottom: 12 }}
      />
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
