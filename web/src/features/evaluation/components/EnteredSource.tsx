// The source of an entered value as the provenance keeps it: its title (a link when it has an address) and the quote;
// values entered before sources had parts show their one-line source.
import { Typography } from 'antd';

export function EnteredSource({ p }: { p: Record<string, unknown> }) {
  const title = typeof p.source_title === 'string' && p.source_title ? p.source_title : null;
  const url = typeof p.source_url === 'string' && /^https?:\/\//i.test(p.source_url) ? p.source_url : null;
  const quote = typeof p.quote === 'string' && p.quote ? p.quote : null;
  const label = title ?? url ?? (p.source ? String(p.source) : '—');
  return (
    <span data-testid="eval-data-source">
      {url ? <Typography.Link href={url} target="_blank" rel="noreferrer noopener">{label}</Typography.Link> : label}
      {quote && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12, whiteSpace: 'pre-wrap' }} data-testid="eval-data-quote">“{quote}”</Typography.Paragraph>}
    </span>
  );
}
