// The intelligence section: documents in (upload), the reader (clean text beside the original), fact review, search.
import { Route, Routes } from 'react-router-dom';
import { DocumentListPage } from './components/DocumentListPage';
import { DocumentReaderPage } from './components/DocumentReaderPage';

export function IntelligenceSection() {
  return (
    <div data-testid="intelligence-section">
      <Routes>
        <Route index element={<DocumentListPage />} />
        <Route path="documents/:id" element={<DocumentReaderPage />} />
      </Routes>
    </div>
  );
}
