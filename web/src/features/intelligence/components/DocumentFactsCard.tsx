// On the zone dashboard: confirmed facts from documents, each with its quote and a link to its sentence in the reader.
import { Link } from 'react-router-dom';
import { Card, Empty, List, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { useZoneDocumentFacts } from '../api/intelligence';

export function DocumentFactsCard({ zoneId }: { zoneId: number }) {
  const { t, lang } = useI18n();
  const facts = useZoneDocumentFacts(zoneId);
  return (
    <Card size="small" title={t('intel.dashboard.title')} style={{ marginTop: 16 }} loading={facts.isPending} data-testid="intel-dashboard-facts">
      {!facts.data?.items.length ? <Empty description={t('intel.dashboard.none')} /> : (
        <List size="small" dataSource={facts.data.items} renderItem={(f) => (
          <List.Item data-testid={`intel-dashboard-fact-${f.id}`}
            extra={<Link to={`/intelligence/documents/${f.document_id}?fact=${f.id}`} data-testid="intel-dashboard-link">{t('intel.dashboard.open')}</Link>}>
            <List.Item.Meta
              title={<span>{(lang === 'en' && f.metric_en) || f.metric} · {f.period}: <Typography.Text strong>{f.value} {f.unit}</Typography.Text></span>}
              description={<span>“{f.quote}” — {f.title ?? f.file_name}</span>} />
          </List.Item>
        )} />
      )}
    </Card>
  );
}
