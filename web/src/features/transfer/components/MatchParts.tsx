// What every match shows, whether an offer, a demand or an expert: the score as a circle, whether it is confident,
// and the engine's reasons.
import { Progress, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';

export const formatScore = (s: number) => (s <= 1 ? (s * 100).toFixed(0) : s.toFixed(0));

export function MatchScore({ score }: { score: number }) {
  return <Progress type="circle" size={52} percent={Math.round(score * (score <= 1 ? 100 : 1))} format={() => <span data-testid="match-score">{formatScore(score)}</span>} />;
}

export function ConfidenceTag({ confident }: { confident: boolean }) {
  const { t } = useI18n();
  return confident ? <Tag color="success">{t('transfer.matches.confident')}</Tag> : <Tag color="warning">{t('transfer.matches.lowConfidence')}</Tag>;
}

export function WhyList({ why, testId = 'match-why' }: { why: string[]; testId?: string }) {
  const { t } = useI18n();
  if (why.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">{t('transfer.matches.why')}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
        {why.map((w, i) => <li key={i}>{w}</li>)}
      </ul>
    </div>
  );
}
