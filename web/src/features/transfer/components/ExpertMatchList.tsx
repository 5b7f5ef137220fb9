// Registered experts who could meet a demand: name, title and affiliation, research fields, score and the engine's
// reasons. A broker contacts them outside the platform (or registers their work as an offer), so there are no
// actions here.
import { Empty, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import type { ExpertMatch } from '../api/transfer';
import { ConfidenceTag, MatchScore, WhyList } from './MatchParts';

/**
 * An expert's job title in the reader's language: the registry keeps it in Chinese (`title`) and English (`title_en`);
 * when only the other one exists it is shown marked with its language.
 */
function ExpertTitle({ expert }: { expert: ExpertMatch }) {
  const { lang } = useI18n();
  const en = lang === 'en';
  const own = en ? expert.title_en : expert.title;
  const other = en ? expert.title : expert.title_en;
  const shown = own || other;
  if (!shown) return null;
  const foreign = !own;
  return (
    <Typography.Text type="secondary" data-testid="expert-title" lang={foreign ? (en ? 'zh-CN' : 'en') : undefined}>
      {shown}
    </Typography.Text>
  );
}

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
                  <ExpertTitle expert={e} />
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
