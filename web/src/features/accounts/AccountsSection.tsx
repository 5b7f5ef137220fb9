// /accounts: users and registration requests (admins, zone operators), one's own sessions (signed-in users);
// /accounts/register: enterprise self-registration (anyone).
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Card, Tabs } from 'antd';
import { useAuth } from '../../shared/auth/AuthContext';
import { useI18n } from '../../shared/i18n';
import { UsersPage } from './UsersPage';
import { RegistrationsPage } from './RegistrationsPage';
import { SessionsPage } from './SessionsPage';
import { RegisterPage } from './RegisterPage';

function Manage() {
  const { t } = useI18n();
  const { user, loading } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  if (loading) return <Card loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const manager = user.role === 'admin' || user.role === 'zone_operator';
  const tabs = [
    ...(manager ? [
      { key: 'users', label: t('accounts.tab.users'), children: <UsersPage /> },
      { key: 'registrations', label: t('accounts.tab.registrations'), children: <RegistrationsPage /> },
    ] : []),
    { key: 'sessions', label: t('accounts.tab.sessions'), children: <SessionsPage /> },
  ];
  const active = location.pathname.split('/')[2];
  const current = tabs.some((tab) => tab.key === active) ? active : tabs[0]!.key;
  return <Tabs activeKey={current} items={tabs} onChange={(k) => navigate(`/accounts/${k}`)} data-testid="accounts-tabs" />;
}

export function AccountsSection() {
  return (
    <Routes>
      <Route path="register" element={<RegisterPage />} />
      <Route path="*" element={<Manage />} />
    </Routes>
  );
}
