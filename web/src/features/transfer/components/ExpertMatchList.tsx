// Registered experts who could meet a demand: name, title and affiliation, research fields, score and the engine's
// reasons. A broker contacts them outside the platform (or registers their work as an offer), so there are no
// actions here.
import { Empty, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import type { ExpertMatch } from '../api/transfer';
import { ConfidenceTag, MatchScore, WhyList } from './MatchParts';

export function ExpertMatchList({ experts, loading }: { experts: ExpertMatch[]; loading: boolean }) {
  const { t, name } = useI18n();
  const orgOf = (e: ExpertMatch) => (e.organization ? name(e.organization) : null);
  return (
    <div data-testid="expert-list">
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('transfer.matches.experts')}</Typography.Title>
      <List<ExpertMatch>
        loading={loading}
        dataSource={experts}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfer.matches.expertsNone')} /> }}
        renderItem={(e) => (
          <List.Item data-testid="expert-item">
            <List.Item.Meta
              avatar={<MatchScore score={e.score} />}
              title={
                <Space wrap>
                  <span data-testid="expert-name">{name({ name_zh: e.name.zh, name_en: e.name.en })}</span>
                  {e.title && <Typography.Text type="secondary">{e.title}</Typography.Text>}
                  {orgOf(e) && <Typography.Text type="secondary">{orgOf(e)}</Typography.Text>}
                  <ConfidenceTag confident={e.confident} />
                </Space>
              }
              description={
                <>
                  {e.fields.length > 0 && <div style={{ marginBottom: 4 }}>{e.fields.map((f) => <Tag key={f}>{f}</Tag>)}</div>}
                  <WhyList why={e.why} testId="expert-why" />
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
