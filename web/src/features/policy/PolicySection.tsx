// The policy and talent section: a tab bar over two areas with their own nested routes — self-assessment,
// calculators, policy matching, the cultivation pipeline and talent evaluation (assessment/); incentive programmes,
// the ledger (programmes/); funds and talent evaluation (funds-talent/).
import { Suspense } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Card, Tabs } from 'antd';
import { useI18n } from '../../shared/i18n';
import { AssessmentArea, ASSESSMENT_TABS } from './assessment/AssessmentArea';
import { ProgrammesArea, PROGRAMME_TABS } from './programmes/ProgrammesArea';
import { FundsTalentArea, FUNDS_TALENT_TABS } from './funds-talent/FundsTalentArea';

export function PolicySection() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const tabs = [...ASSESSMENT_TABS, ...PROGRAMME_TABS, ...FUNDS_TALENT_TABS];
  const seg = location.pathname.split('/')[2] ?? '';
  const active = tabs.find((tab) => tab.key === seg)?.key ?? tabs[0]!.key;
  return (
    <div data-testid="policy-section">
      <Tabs
        activeKey={active}
        onTabClick={(k) => navigate(`/policy/${k}`)}
        items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`policy-tab-${tab.key}`}>{t(tab.label)}</span> }))}
        style={{ marginBottom: 4 }}
      />
      <Suspense fallback={<Card loading />}>
        <Routes>
          {PROGRAMME_TABS.map((tab) => <Route key={tab.key} path={`${tab.key}/*`} element={<ProgrammesArea />} />)}
          {FUNDS_TALENT_TABS.map((tab) => <Route key={tab.key} path={`${tab.key}/*`} element={<FundsTalentArea />} />)}
          <Route path="*" element={<AssessmentArea />} />
        </Routes>
      </Suspense>
    </div>
  );
}
