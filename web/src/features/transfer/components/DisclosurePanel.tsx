// For the owner and brokers: the disclosure tier of each field (editable) and the log of NDA reveals.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Table, Tag } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n';
import { type ItemKind, saveTiers, type Tier, useDisclosure, useInvalidateItem } from '../api/listings';
import { DisclosureTiers } from './DisclosureTiers';
import { errorText, fieldName, fmtDate } from './labels';

export function DisclosurePanel({ kind, id }: { kind: ItemKind; id: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const info = useDisclosure(kind, id, true);
  const invalidate = useInvalidateItem(kind, id);
  const [tiers, setTiers] = useState<Record<string, Tier>>({});
  useEffect(() => {
    if (info.data) setTiers(info.data.tiers);
  }, [info.data]);
  const save = useMutation({
    mutationFn: () => saveTiers(kind, id, tiers, info.data!.version),
    onSuccess: () => {
      void message.success(t('transfer.disclosure.saved'));
      void invalidate();
    },
    onError: (e) => void message.error(errorText(e)),
  });

  return (
    <Card title={t('transfer.disclosure.title')} size="small" loading={info.isPending} data-testid="disclosure-panel">
      {info.error ? (
        <Alert type="error" showIcon message={errorText(info.error)} />
      ) : (
        <>
          <DisclosureTiers kind={kind} value={tiers} onChange={setTiers} />
          <Button style={{ marginTop: 8 }} onClick={() => save.mutate()} loading={save.isPending} data-testid="disclosure-save">
            {t('transfer.disclosure.save')}
          </Button>
          <h4 style={{ marginTop: 16 }}>{t('transfer.disclosure.reveals')}</h4>
          <Table
            size="small"
            rowKey={(r) => `${r.at}-${r.username}`}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            dataSource={info.data?.reveals ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfer.disclosure.noReveals')} /> }}
            data-testid="reveal-log"
            columns={[
              { title: t('transfer.disclosure.who'), dataIndex: 'username', width: 100 },
              { title: t('transfer.disclosure.when'), dataIndex: 'at', width: 140, render: fmtDate },
              { title: t('transfer.disclosure.fields'), dataIndex: 'fields', render: (fs: string[]) => fs.map((f) => <Tag key={f}>{fieldName(t, kind, f)}</Tag>) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
