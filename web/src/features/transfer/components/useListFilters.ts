// The status filter, search text and page of a demand or offer list; a new filter or search starts again at page 1.
import { useState } from 'react';

export const PAGE_SIZE = 20;

export function useListFilters() {
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  return {
    status,
    page,
    setPage,
    filterStatus: (v: string | undefined) => { setStatus(v); setPage(1); },
    search: (v: string) => { setQ(v); setPage(1); },
    params: { status, q, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
  };
}

export type ListFilters = ReturnType<typeof useListFilters>;
