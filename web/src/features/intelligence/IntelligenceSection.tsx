// The intelligence section: documents in (upload), the reader (clean text beside the original), fact review, search.
import { Card } from 'antd';

export function IntelligenceSection() {
  return <Card data-testid="intelligence-section" />;
}
