// Innovation challenges (揭榜挂帅): one challenge with its demands and proposals, attaching demands, solver proposals,
// panel scores and pairing a proposal with its demand (which opens a case).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, unwrapAs, type BodyOf, type ResponseOf } from '../../../shared/api/client';

export type ChallengeDetail = ResponseOf<'/api/transfer/challenges/{id}', 'get'>;
export type Proposal = ChallengeDetail['proposals'][number];
// The answer schema says only "string" for the kind; it is one of the two.
export type FeedbackRow = Omit<ResponseOf<'/api/transfer/feedback', 'get'>['items'][number], 'query_kind'> & { query_kind: 'demand' | 'offer' };

export function useChallenge(id: number) {
  return useQuery({ queryKey: ['transfer', 'challenge', id], queryFn: () => unwrap(client.GET('/api/transfer/challenges/{id}', { params: { path: { id } } })) });
}

export function useInvalidateChallenge(id: number) {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['transfer', 'challenge', id] }), qc.invalidateQueries({ queryKey: ['transfer', 'challenges'] })]);
}

export const attachDemand = (id: number, demandId: number) =>
  unwrap(client.POST('/api/transfer/challenges/{id}/demands', { params: { path: { id } }, body: { demand_id: demandId } }));
export const submitProposal = (id: number, body: BodyOf<'/api/transfer/challenges/{id}/proposals', 'post'>) =>
  unwrap(client.POST('/api/transfer/challenges/{id}/proposals', { params: { path: { id } }, body }));
export const scoreProposal = (proposalId: number, score: number, comment?: string | null) =>
  unwrap(client.POST('/api/transfer/proposals/{id}/scores', { params: { path: { id: proposalId } }, body: { score, comment: comment || null } }));
export const pairProposal = (proposalId: number) => unwrap(client.POST('/api/transfer/proposals/{id}/pair', { params: { path: { id: proposalId } } }));
/** Prize and reported agreements of a challenge, in integer fen (null clears a figure). */
export const setChallengeFigures = (id: number, body: BodyOf<'/api/transfer/challenges/{id}', 'patch'>) =>
  unwrap(client.PATCH('/api/transfer/challenges/{id}', { params: { path: { id } }, body }));

export function useFeedback() {
  return useQuery({
    queryKey: ['transfer', 'feedback'],
    queryFn: () => unwrapAs<{ items: FeedbackRow[] }>(client.GET('/api/transfer/feedback')),
    select: (d) => d.items,
  });
}
