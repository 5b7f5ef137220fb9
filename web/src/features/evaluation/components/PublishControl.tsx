// Publication state of a zone's indicator values for a year, with publish / withdraw for an admin or the zone's
// operator (the server decides who may; anonymous visitors only ever see published values).
import { App, Button, Space, Tag } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth/AuthContext';
import { isApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { setPublished, usePublications } from '../api/evaluation';

export function PublishControl({ zone, year }: { zone: number; year: number }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const pubs = usePublications(zone, year);
  const pub = pubs.data?.find((p) => p.zone_id === zone && p.year === year) ?? null;
  const change = useMutation({
    mutationFn: (publish: boolean) => setPublished(zone, year, publish),
    onSuccess: (_r, publish) => {
      void message.success(t(publish ? 'evaluation.publication.done' : 'evaluation.publication.withdrawn'));
      void qc.invalidateQueries({ queryKey: ['indicator-publications'] });
      void qc.invalidateQueries({ queryKey: ['zone-evaluation'] });
    },
    onError: (e) => void message.error(t('evaluation.publication.failed', { reason: isApiError(e) ? e.message : String(e) })),
  });
  const mayPublish = user?.role === 'admin' || user?.role === 'zone_operator';
  return (
    <Space wrap size={8} data-testid="eval-publication">
      {pub ? (
        <Tag color="green" data-testid="eval-published">
          {t('evaluation.publication.published', { year, user: pub.username ?? '—', at: pub.published_at.slice(0, 16).replace('T', ' ') })}
        </Tag>
      ) : (
        <Tag color="orange" data-testid="eval-unpublished">{t('evaluation.publication.unpublished', { year })}</Tag>
      )}
      {mayPublish && (
        <Button size="small" loading={change.isPending} onClick={() => change.mutate(!pub)} data-testid={pub ? 'eval-withdraw' : 'eval-publish'}>
          {pub ? t('evaluation.publication.withdraw') : t('evaluation.publication.publish', { year })}
        </Button>
      )}
    </Space>
  );
}
