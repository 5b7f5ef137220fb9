// The frame of every page: header (product name, language switch, user and sign-in/out) and the side menu.
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Drawer, Grid, Layout, Menu, Segmented, Space, Tag, Tooltip, Typography, App } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  ApiOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  HistoryOutlined,
  LoginOutlined,
  LogoutOutlined,
  MenuOutlined,
  ProjectOutlined,
  ReadOutlined,
  RadarChartOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  TrophyOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useAuth } from '../auth/AuthContext';
import { useI18n, type Lang, type MessageKey } from '../i18n';
import { textLang } from '../i18n/text-lang';

const ENTITY_MENU: { entity: string; label: MessageKey; icon: React.ReactNode }[] = [
  { entity: 'zones', label: 'nav.zones', icon: <ApartmentOutlined /> },
  { entity: 'organizations', label: 'nav.organizations', icon: <BankOutlined /> },
  { entity: 'qualifications', label: 'nav.qualifications', icon: <SafetyCertificateOutlined /> },
  { entity: 'people', label: 'nav.people', icon: <TeamOutlined /> },
  { entity: 'achievements', label: 'nav.achievements', icon: <TrophyOutlined /> },
  { entity: 'projects', label: 'nav.projects', icon: <ProjectOutlined /> },
  { entity: 'annual-statistics', label: 'nav.annualStatistics', icon: <CalendarOutlined /> },
  { entity: 'zone-facts', label: 'nav.zoneFacts', icon: <FileSearchOutlined /> },
];

export function AppLayout() {
  const { t, lang, setLang } = useI18n();
  const { user, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  // Below the md breakpoint (768 px) the side menu would take half a phone's screen: it becomes a drawer instead.
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { message } = App.useApp();

  const items: MenuProps['items'] = [
    { key: '/dashboard', icon: <DashboardOutlined />, label: <Link to="/dashboard" data-testid="nav-dashboard">{t('nav.dashboard')}</Link> },
    ...ENTITY_MENU.map((m) => ({
      key: `/entities/${m.entity}`,
      icon: m.icon,
      label: (
        <Link to={`/entities/${m.entity}`} data-testid={`nav-${m.entity}`}>
          {t(m.label)}
        </Link>
      ),
    })),
    { key: '/transfer', icon: <ProjectOutlined />, label: <Link to="/transfer" data-testid="nav-transfer">{t('nav.transfer')}</Link> },
    { key: '/listings', icon: <ShopOutlined />, label: <Link to="/listings" data-testid="nav-listings">{t('nav.listings')}</Link> },
    { key: '/evaluation', icon: <RadarChartOutlined />, label: <Link to="/evaluation" data-testid="nav-evaluation">{t('nav.evaluation')}</Link> },
    { key: '/policy', icon: <AuditOutlined />, label: <Link to="/policy" data-testid="nav-policy">{t('nav.policy')}</Link> },
    { key: '/intelligence', icon: <ReadOutlined />, label: <Link to="/intelligence" data-testid="nav-intelligence">{t('nav.intelligence')}</Link> },
    { key: '/import', icon: <UploadOutlined />, label: <Link to="/import" data-testid="nav-import">{t('nav.import')}</Link> },
    ...(user?.role === 'admin' || user?.role === 'zone_operator' ? [{ key: '/accounts', icon: <UserOutlined />, label: <Link to="/accounts" data-testid="nav-accounts">{t('nav.accounts')}</Link> }] : []),
    ...(user?.role === 'admin' || user?.role === 'zone_operator' ? [{ key: '/audit', icon: <HistoryOutlined />, label: <Link to="/audit" data-testid="nav-audit">{t('nav.audit')}</Link> }] : []),
    {
      key: 'docs',
      icon: <ApiOutlined />,
      label: (
        <a href="/docs" target="_blank" rel="noreferrer" data-testid="nav-docs">
          {t('nav.apiDocs')}
        </a>
      ),
    },
  ];
  const selected = items
    .map((i) => String(i?.key))
    .filter((k) => k.startsWith('/') && location.pathname.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          background: '#001529',
          paddingInline: mobile ? 10 : 20,
          gap: 8,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Space size={8}>
          {mobile && (
            <Button type="text" icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />} aria-label={t('nav.menu')}
              data-testid="menu-toggle" onClick={() => setDrawerOpen(true)} />
          )}
          <Link to="/dashboard" style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
            <BarChartOutlined style={{ color: '#69b1ff', fontSize: 22 }} />
            <span style={{ color: '#fff', fontSize: mobile ? 16 : 20, fontWeight: 600, letterSpacing: 1, whiteSpace: 'nowrap' }} data-testid="app-name">
              {t('app.name')}
            </span>
            {!mobile && (
              <span style={{ color: 'rgba(255,255,255,0.55)', fontSize: 13 }} className="app-tagline">
                {t('app.tagline')}
              </span>
            )}
          </Link>
        </Space>
        <Space size={mobile ? 'small' : 'middle'}>
          <Tooltip title={t('header.language')}>
            <Segmented<Lang>
              size="small"
              value={lang}
              onChange={(v) => setLang(v)}
              options={[
                { value: 'zh-CN', label: <span data-testid="lang-zh">中文</span> },
                { value: 'en', label: <span data-testid="lang-en">EN</span> },
              ]}
              data-testid="lang-switch"
            />
          </Tooltip>
          {user ? (
            <>
              <Space size={6} data-testid="current-user">
                <UserOutlined style={{ color: '#fff' }} />
                {!mobile && <Typography.Text style={{ color: '#fff' }} lang={textLang(user.display_name || user.username)}>{user.display_name || user.username}</Typography.Text>}
                <Tag color="blue" style={{ marginInlineEnd: 0, display: mobile ? 'none' : undefined }} data-testid="current-role">
                  {t(`role.${user.role}` as MessageKey)}
                </Tag>
              </Space>
              <Button
                size="small"
                icon={<LogoutOutlined />}
                aria-label={t('header.signOut')}
                data-testid="sign-out"
                onClick={() =>
                  void logout().then(() => {
                    void message.info(t('header.signedOut'));
                    navigate('/dashboard');
                  })
                }
              >
                {!mobile && t('header.signOut')}
              </Button>
            </>
          ) : (
            <Button
              size="small"
              type="primary"
              icon={<LoginOutlined />}
              data-testid="sign-in"
              onClick={() => navigate('/login', { state: { from: location.pathname + location.search } })}
            >
              {t('header.signIn')}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout>
        {mobile ? (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} styles={{ body: { padding: 0 } }} title={t('app.name')}>
            <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={() => setDrawerOpen(false)}
              style={{ borderInlineEnd: 0 }} data-testid="side-menu" />
          </Drawer>
        ) : (
          <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={210} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 0, paddingTop: 8 }} data-testid="side-menu" />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: mobile ? 10 : 20, background: '#f5f7fa', minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

