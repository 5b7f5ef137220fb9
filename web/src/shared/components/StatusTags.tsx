import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n';

/** The "generated" and "retired" markers shown next to a record's name. */
export function StatusTags({ generated, retiredAt, published }: { generated?: unknown; retiredAt?: unknown; published?: unknown }) {
  const { t } = useI18n();
  return (
    <>
      {generated ? (
        <Tooltip title={t('common.generatedHint')}>
          <Tag color="purple" data-testid="tag-generated" style={{ marginInlineStart: 6 }}>
            {t('common.generated')}
          </Tag>
        </Tooltip>
      ) : null}
      {retiredAt ? (
        <Tag color="default" data-testid="tag-retired" style={{ marginInlineStart: 6 }}>
          {t('common.retired')}
        </Tag>
      ) : null}
      {published === false ? (
        <Tag color="orange" style={{ marginInlineStart: 6 }}>
          {t('common.unpublished')}
        </Tag>
      ) : null}
    </>
  );
}
