// The technology-transfer section: a tab bar (demands, offers, cases, funnel, challenges; brokers also see match
// feedback, admins the partner zones) over its own nested routes. The public listings live outside it, at /listings (no sign-in needed).
import { lazy, Suspense } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Card, Result, Tabs } from 'antd';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { DemandListPage } from './DemandListPage';
import { DemandFormPage } from './DemandFormPage';
import { DemandDetailPage } from './DemandDetailPage';
import { CaseListPage } from './CaseListPage';
import { CasePage } from './CasePage';
import { ChallengesPage } from './ChallengesPage';
import { ChallengeDetailPage } from './ChallengeDetailPage';
import { OfferListPage } from './OfferListPage';
import { OfferFormPage } from './OfferFormPage';
import { OfferDetailPage } from './OfferDetailPage';
import { FeedbackPage } from './FeedbackPage';
import { InterestsPage } from './InterestsPage';
import { PartnerZonesPage } from './PartnerZonesPage';
import { BrokersPage } from './BrokersPage';
import { isBroker } from '../api/transfer';

// The funnel carries echarts: load it only when opened.
const FunnelPage = lazy(() => import('./FunnelPage').then((m) => ({ default: m.FunnelPage })));

const TABS = ['demands', 'offers', 'cases', 'funnel', 'challenges', 'interests', 'feedback', 'brokers', 'partners'] as const;
/** Tabs only some roles see: feedback for brokers, partner zones for admins. */
const tabVisible = (k: (typeof TABS)[number], user: Parameters<typeof isBroker>[0]) =>
  k === 'feedback' || k === 'interests' || k === 'brokers' ? isBroker(user) : k === 'partners' ? user?.role === 'admin' : true;

export function TransferSection() {
  const { t } = useI18n();
  const { user, loading } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const seg = location.pathname.split('/')[2] ?? 'demands';
  const active = (TABS as readonly string[]).includes(seg) ? seg : 'demands';

  if (loading) return <Card loading />;
  if (!user) {
    return <Result status="403" title={t('transfer.signInRequired')} extra={<Link to="/listings">{t('transfer.public.title')}</Link>} data-testid="transfer-signin" />;
  }

  return (
    <div data-testid="transfer-section">
      <Tabs
        activeKey={active}
        onTabClick={(k) => navigate(`/transfer/${k}`)}
        items={TABS.filter((k) => tabVisible(k, user)).map((k) => ({ key: k, label: <span data-testid={`transfer-tab-${k}`}>{t(`transfer.tab.${k}`)}</span> }))}
        style={{ marginBottom: 4 }}
      />
      <Suspense fallback={<Card loading />}>
        <Routes>
          <Route index element={<Navigate to="demands" replace />} />
          <Route path="demands" element={<DemandListPage />} />
          <Route path="demands/new" element={<DemandFormPage />} />
          <Route path="demands/:id" element={<DemandDetailPage />} />
          <Route path="demands/:id/edit" element={<DemandFormPage />} />
          <Route path="cases" element={<CaseListPage />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="funnel" element={<FunnelPage />} />
          <Route path="offers" element={<OfferListPage />} />
          <Route path="offers/new" element={<OfferFormPage />} />
          <Route path="offers/:id" element={<OfferDetailPage />} />
          <Route path="offers/:id/edit" element={<OfferFormPage />} />
          <Route path="challenges" element={<ChallengesPage />} />
          <Route path="challenges/:id" element={<ChallengeDetailPage />} />
          <Route path="feedback" element={<FeedbackPage />} />
          <Route path="interests" element={<InterestsPage />} />
          <Route path="partners" element={<PartnerZonesPage />} />
          <Route path="brokers" element={<BrokersPage />} />
          <Route path="*" element={<Navigate to="demands" replace />} />
        </Routes>
      </Suspense>
    </div>
  );
}
