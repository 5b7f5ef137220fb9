// Innovation challenges (揭榜挂帅): one challenge with its demands and proposals, attaching demands, solver proposals,
// panel scores and pairing a proposal with its demand (which opens a case).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { CaseDetail, Challenge } from './transfer';
import type { Named } from './listings';

export interface Proposal {
  id: number;
  demand_id: number;
  organization_id: number;
  organization: Named | null;
  offer_id: number | null;
  text: string;
  case_id: number | null;
  created_at: string;
  scores: number;
  average: number | null;
  my_score?: { score: number; comment: string | null } | null;
}

export interface ChallengeDetail extends Challenge {
  demands: { id: number; code: string; title: string; status: string | null }[];
  proposals: Proposal[];
}

export interface FeedbackRow {
  id: number;
  zone_id: number;
  query_kind: 'demand' | 'offer';
  query_id: number;
  result_id: number;
  reason: string | null;
  note: string | null;
  at: string;
  username: string | null;
}

export function useChallenge(id: number) {
  return useQuery({ queryKey: ['transfer', 'challenge', id], queryFn: () => api.get<ChallengeDetail>(`/api/transfer/challenges/${id}`) });
}

export function useInvalidateChallenge(id: number) {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['transfer', 'challenge', id] }), qc.invalidateQueries({ queryKey: ['transfer', 'challenges'] })]);
}

export const attachDemand = (id: number, demandId: number) => api.post<ChallengeDetail>(`/api/transfer/challenges/${id}/demands`, { demand_id: demandId });
export const submitProposal = (id: number, body: { demand_id: number; organization_id?: number | null; offer_id?: number | null; text: string }) =>
  api.post<Proposal>(`/api/transfer/challenges/${id}/proposals`, body);
export const scoreProposal = (proposalId: number, score: number, comment?: string | null) =>
  api.post<{ proposal_id: number; scores: number; average: number }>(`/api/transfer/proposals/${proposalId}/scores`, { score, comment: comment || null });
export const pairProposal = (proposalId: number) => api.post<CaseDetail>(`/api/transfer/proposals/${proposalId}/pair`);
/** Prize and reported agreements of a challenge, in integer fen (null clears a figure). */
export const setChallengeFigures = (id: number, body: { prize_amount_fen?: number | null; agreements_reported?: number | null; agreement_amount_reported_fen?: number | null }) =>
  api.patch<Challenge>(`/api/transfer/challenges/${id}`, body);

export function useFeedback() {
  return useQuery({
    queryKey: ['transfer', 'feedback'],
    queryFn: () => api.get<{ items: FeedbackRow[] }>('/api/transfer/feedback'),
    select: (d) => d.items,
  });
}
