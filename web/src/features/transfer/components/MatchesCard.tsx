// The matches of a demand (offers and registered experts that could meet it) or of an offer (demands it could serve),
// with a refresh button.
import { Alert, Button, Card } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n';
import { type ItemKind, useMatches } from '../api/listings';
import { ExpertMatchList } from './ExpertMatchList';
import { MatchList } from './MatchList';
import { errorText } from './labels';

interface Props {
  kind: ItemKind;
  id: number;
  title: string;
  broker: boolean;
  /** False until the item itself has loaded. */
  enabled?: boolean;
}

export function MatchesCard({ kind, id, title, broker, enabled = true }: Props) {
  const { t } = useI18n();
  const matches = useMatches(kind, id, enabled);
  return (
    <Card
      title={title}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void matches.refetch()} loading={matches.isFetching} data-testid="matches-refresh">
          {t('transfer.matches.refresh')}
        </Button>
      }
    >
      {matches.error ? (
        <Alert type="error" showIcon message={errorText(matches.error)} />
      ) : (
        <>
          <MatchList kind={kind} itemId={id} result={matches.data} loading={matches.isPending} broker={broker} onChanged={() => void matches.refetch()} />
          {kind === 'demand' && <ExpertMatchList experts={matches.data?.experts ?? []} loading={matches.isPending} />}
        </>
      )}
    </Card>
  );
}
