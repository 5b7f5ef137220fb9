// Self-assessment, the super-deduction calculator, policy matching, the cultivation pipeline and rule versions
// (nested routes under /policy; each tab key is the URL segment).
import { Navigate, Route, Routes } from 'react-router-dom';
import type { MessageKey } from '../../../shared/i18n/zh-CN';
import { AssessPage } from './components/AssessPage';
import { MatchingPage } from './components/MatchingPage';
import { PipelinePage } from './components/PipelinePage';
import { PrintAssessment } from './components/PrintAssessment';
import { RuleVersionsPage } from './components/RuleVersionsPage';
import { SuperDeductionPage } from './components/SuperDeductionPage';

export const ASSESSMENT_TABS: { key: string; label: MessageKey }[] = [
  { key: 'assess', label: 'policy.tab.assessment' },
  { key: 'super-deduction', label: 'policy.tab.superDeduction' },
  { key: 'matching', label: 'policy.tab.matching' },
  { key: 'pipeline', label: 'policy.tab.pipeline' },
  { key: 'rules', label: 'policy.tab.rules' },
];

export function AssessmentArea() {
  return (
    <Routes>
      <Route path="assess" element={<AssessPage />} />
      <Route path="assess/print/:id/:version" element={<PrintAssessment />} />
      <Route path="super-deduction" element={<SuperDeductionPage />} />
      <Route path="matching" element={<MatchingPage />} />
      <Route path="pipeline" element={<PipelinePage />} />
      <Route path="rules" element={<RuleVersionsPage />} />
      <Route path="*" element={<Navigate to="/policy/assess" replace />} />
    </Routes>
  );
}
