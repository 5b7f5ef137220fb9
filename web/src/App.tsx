import { Navigate, Route, Routes, Link } from 'react-router-dom';
import { Button, Result } from 'antd';
import { AppLayout } from './shared/layout/AppLayout';
import { useI18n } from './shared/i18n';
import { DashboardPage } from './features/dashboard/components/DashboardPage';
import { EntityListPage } from './features/entities/components/EntityListPage';
import { ImportWizard } from './features/imports/components/ImportWizard';
import { LoginPage } from './features/auth/components/LoginPage';

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
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="entities/:entity" element={<EntityListPage />} />
        <Route path="import" element={<ImportWizard />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
