// What reveals the withheld fields of an item: signing in, or accepting the item's click-through NDA (the server
// logs every reveal; the owner and brokers see the log).
import { useLocation, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { acceptNda, type PublicDetail, useInvalidateItem } from '../api/listings';
import { errorText } from './labels';

export function NdaGate({ item }: { item: PublicDetail }) {
  const { t, pick } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const invalidate = useInvalidateItem(item.kind, item.id);
  const accept = useMutation({
    mutationFn: () => acceptNda(item.kind, item.id),
    onSuccess: () => {
      void message.success(t('transfer.nda.accepted'));
      void invalidate();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const behindSignIn = item.withheld.filter((w) => w.tier === 'signed_in').length;
  const behindNda = item.withheld.filter((w) => w.tier === 'nda').length;
  if (!behindSignIn && !behindNda) return null;

  if (!user) {
    return (
      <Alert
        type="info"
        showIcon
        icon={<LockOutlined />}
        data-testid="nda-sign-in"
        message={t('transfer.nda.signInToSee', { count: behindSignIn + behindNda })}
        action={<Button size="small" type="primary" onClick={() => navigate('/login', { state: { from: location.pathname } })}>{t('header.signIn')}</Button>}
      />
    );
  }
  if (!item.nda) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<LockOutlined />}
      data-testid="nda-gate"
      message={t('transfer.nda.title', { count: behindNda })}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="nda-text">{pick(item.nda)}</Typography.Paragraph>
          <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate()} data-testid="nda-accept">
            {t('transfer.nda.accept')}
          </Button>
        </Space>
      }
    />
  );
}
