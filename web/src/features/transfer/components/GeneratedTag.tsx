// Marks generated demo data (the `generated` column of demands, offers and experts), wherever a listing is named.
import { Tag } from 'antd';
import { useI18n } from '../../../shared/i18n';

export function GeneratedTag({ generated }: { generated?: unknown }) {
  const { t } = useI18n();
  if (!generated) return null;
  return <Tag color="purple" data-testid="tag-generated-demo" style={{ marginInlineStart: 6 }}>{t('transfer.generatedDemo')}</Tag>;
}
