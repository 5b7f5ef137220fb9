// Sign-in page: username and password, clear messages for wrong credentials and rate limiting (HTTP 429).
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography, App } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { isApiError } from '../../../shared/api/client';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { textLang } from '../../../shared/i18n/text-lang';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/dashboard';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(v.username.trim(), v.password);
      // The user's name is in its own language (a Chinese name in the English interface), marked as such.
      const name = user?.display_name || user?.username || '';
      const [before, after] = t('login.welcome', { name: '\u0000' }).split('\u0000');
      void message.success(<span>{before}<span lang={textLang(name)}>{name}</span>{after}</span>);
      navigate(from, { replace: true });
    } catch (e) {
      if (isApiError(e) && e.status === 429) setError(t('login.rateLimited'));
      // A deactivated account is a 403 with its own message (only after the right password): show it as it is.
      else if (isApiError(e) && e.status === 403 && e.code !== 'CSRF') setError(e.message);
      else if (isApiError(e) && (e.status === 401 || e.code === 'INVALID_CREDENTIALS')) setError(t('login.badCredentials'));
      else setError(t('login.failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 48 }}>
      <Card style={{ width: 400 }} data-testid="login-card">
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Form layout="vertical" onFinish={(v) => void onFinish(v as { username: string; password: string })} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <Link to="/accounts/register" data-testid="login-register">{t('accounts.reg.link')}</Link>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
          {t('login.demoHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
