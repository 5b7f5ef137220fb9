// Incentive programmes (application → review → public notice → disbursement), the ledger and funds (nested routes under /policy).
// Four tabs: programmes (list, detail, form, application form), applications (own ones / the review queue),
// notices (公示 and objections) and ledger (disbursement and the ledger view).
import { Route, Routes, useLocation } from 'react-router-dom';
import type { MessageKey } from '../../../shared/i18n/zh-CN';
import { ProgrammeListPage } from './ProgrammeListPage';
import { ProgrammeFormPage } from './ProgrammeFormPage';
import { ProgrammeDetailPage } from './ProgrammeDetailPage';
import { ApplyPage } from './ApplyPage';
import { ApplicationsPage } from './ApplicationsPage';
import { ApplicationPage } from './ApplicationPage';
import { NoticesPage } from './NoticesPage';
import { LedgerPage } from './LedgerPage';

export const PROGRAMME_TABS: { key: string; label: MessageKey }[] = [
  { key: 'programmes', label: 'policy.tab.programmes' },
  { key: 'applications', label: 'policy.tab.applications' },
  { key: 'notices', label: 'policy.tab.notices' },
  { key: 'ledger', label: 'policy.tab.ledger' },
];

export function ProgrammesArea() {
  const tab = useLocation().pathname.split('/')[2];
  if (tab === 'applications') {
    return (
      <Routes>
        <Route path=":id" element={<ApplicationPage />} />
        <Route path="*" element={<ApplicationsPage />} />
      </Routes>
    );
  }
  if (tab === 'notices') return <NoticesPage />;
  if (tab === 'ledger') return <LedgerPage />;
  return (
    <Routes>
      <Route path="new" element={<ProgrammeFormPage />} />
      <Route path=":id/edit" element={<ProgrammeFormPage />} />
      <Route path=":id/apply" element={<ApplyPage />} />
      <Route path=":id" element={<ProgrammeDetailPage />} />
      <Route path="*" element={<ProgrammeListPage />} />
    </Routes>
  );
}
