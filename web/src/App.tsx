import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, Link, useLocation } from 'react-router-dom';
import { ErrorBoundary } from './shared/components/ErrorBoundary';
import { Button, Card, Result } from 'antd';
import { AppLayout } from './shared/layout/AppLayout';
import { useI18n } from './shared/i18n';
import { LoginPage } from './features/auth/components/LoginPage';

// Pages load on demand; the dashboard carries echarts.
const DashboardPage = lazy(() => import('./features/dashboard/components/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const EntityListPage = lazy(() => import('./features/entities/components/EntityListPage').then((m) => ({ default: m.EntityListPage })));
const TransferSection = lazy(() => import('./features/transfer/components/TransferSection').then((m) => ({ default: m.TransferSection })));
const PublicSection = lazy(() => import('./features/transfer/components/PublicSection').then((m) => ({ default: m.PublicSection })));
const EvaluationPage = lazy(() => import('./features/evaluation/components/EvaluationPage').then((m) => ({ default: m.EvaluationPage })));
const PolicySection = lazy(() => import('./features/policy/PolicySection').then((m) => ({ default: m.PolicySection })));
const IntelligenceSection = lazy(() => import('./features/intelligence/IntelligenceSection').then((m) => ({ default: m.IntelligenceSection })));
const AuditPage = lazy(() => import('./features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const AccountsSection = lazy(() => import('./features/accounts/AccountsSection').then((m) => ({ default: m.AccountsSection })));
const ImportWizard = lazy(() => import('./features/imports/components/ImportWizard').then((m) => ({ default: m.ImportWizard })));

function Page({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname}>
      <Suspense fallback={<Card loading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      extra={
        <Link to="/dashboard">
          <Button type="primary">{t('common.goHome')}</Button>
        </Link>
      }
    />
  );
}

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/dashboard" replace />} />
        <Route path="dashboard" element={<Page><DashboardPage /></Page>} />
        <Route path="entities/:entity" element={<Page><EntityListPage /></Page>} />
        <Route path="evaluation/*" element={<Page><EvaluationPage /></Page>} />
        <Route path="import" element={<Page><ImportWizard /></Page>} />
        <Route path="accounts/*" element={<Page><AccountsSection /></Page>} />
        <Route path="audit" element={<Page><AuditPage /></Page>} />
        <Route path="policy/*" element={<Page><PolicySection /></Page>} />
        <Route path="intelligence/*" element={<Page><IntelligenceSection /></Page>} />
        <Route path="transfer/*" element={<Page><TransferSection /></Page>} />
        <Route path="listings/*" element={<Page><PublicSection /></Page>} />
        <Route path="login" element={<LoginPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
