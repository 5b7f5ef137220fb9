// Self-assessment, calculators, policy matching, cultivation pipeline and talent evaluation pages (nested routes under /policy).
import { Navigate, Route, Routes } from 'react-router-dom';
import type { MessageKey } from '../../../shared/i18n/zh-CN';

export const ASSESSMENT_TABS: { key: string; label: MessageKey }[] = [{ key: 'assess', label: 'policy.tab.assessment' }];

export function AssessmentArea() {
  return (
    <Routes>
      <Route path="*" element={<Navigate to="/policy/assess" replace />} />
    </Routes>
  );
}
