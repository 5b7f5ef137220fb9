// The quality score of a demand or offer draft as it is being filled in: scored on the server (nothing stored) a
// little after the last change, keeping the previous score on screen meanwhile.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { type ItemKind, scoreDraft } from '../api/listings';

/** `rescore` takes the draft as it now stands. */
export function useLiveQuality(kind: ItemKind, initialDraft: () => Record<string, unknown>) {
  const [pending, rescore] = useState(initialDraft);
  const [draft, setDraft] = useState(pending);
  useEffect(() => {
    const h = setTimeout(() => setDraft(pending), 400);
    return () => clearTimeout(h);
  }, [pending]);
  const quality = useQuery({ queryKey: ['transfer', 'quality-draft', kind, draft], queryFn: () => scoreDraft(kind, draft), placeholderData: (prev) => prev });
  return { quality, rescore };
}
