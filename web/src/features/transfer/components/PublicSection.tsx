// The public technology market, open without signing in: /listings/demands, /listings/offers and one item at
// /listings/demand/:id or /listings/offer/:id.
import { Navigate, Route, Routes } from 'react-router-dom';
import { PublicItemPage } from './PublicItemPage';
import { PublicListingsPage } from './PublicListingsPage';

export function PublicSection() {
  return (
    <Routes>
      <Route index element={<Navigate to="demands" replace />} />
      <Route path=":kind" element={<PublicListingsPage />} />
      <Route path=":kind/:id" element={<PublicItemPage />} />
    </Routes>
  );
}
