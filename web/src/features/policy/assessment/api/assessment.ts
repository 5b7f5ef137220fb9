// Self-assessment, saved versions, rule versions, the super-deduction calculator and policy matching
// (/api/policy/…). Response types come from the server's own zod schemas (type-only imports).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../shared/api/client';
import type * as S from '../../../../../../src/policy/assessment/assessment.schemas';
import type { PolicyCaseInput } from '../../../../../../src/policy/rules/case';

export type Programme = 'hnte' | 'tech-sme' | 'innovative-sme' | 'srdi' | 'little-giant';
export const PROGRAMMES: Programme[] = ['tech-sme', 'innovative-sme', 'hnte', 'srdi', 'little-giant'];
export type Prefill = z.output<typeof S.prefillResponse>;
export type RunResult = z.output<typeof S.runResponse>;
export type AssessmentResult = z.output<typeof S.assessmentResult>;
export type SavedAssessment = z.output<typeof S.assessmentDetail>;
export type AssessmentList = z.output<typeof S.assessmentList>;
export type RuleVersionView = z.output<typeof S.ruleVersionView>;
export type SuperDeduction = z.output<typeof S.superDeduction>;
export type EnterpriseMatches = z.output<typeof S.enterpriseMatches>;
export type ZoneMatches = z.output<typeof S.zoneMatches>;
export type CaseInput = PolicyCaseInput;

export function usePrefill(organization: number | null, programme: Programme, date: string) {
  return useQuery({
    queryKey: ['policy', 'prefill', organization, programme, date],
    queryFn: ({ signal }) => api.get<Prefill>('/api/policy/assessment/prefill', { organization, programme, date }, signal),
    enabled: organization !== null,
    retry: false,
  });
}

export interface RunBody { organization_id: number; programme: Programme; date: string; case: CaseInput; note?: string | null }

export function useRun() {
  return useMutation({ mutationFn: (body: RunBody) => api.post<RunResult>('/api/policy/assessment/run', body) });
}

export function useSave() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...body }: RunBody & { id?: number; version?: number }) =>
      id ? api.post<SavedAssessment>(`/api/policy/assessments/${id}/versions`, { version, date: body.date, case: body.case, note: body.note })
        : api.post<SavedAssessment>('/api/policy/assessments', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['policy', 'assessments'] }),
  });
}

export function useAssessments(organization: number | null) {
  return useQuery({
    queryKey: ['policy', 'assessments', organization],
    queryFn: ({ signal }) => api.get<AssessmentList>('/api/policy/assessments', { organization, limit: 50 }, signal),
    enabled: organization !== null,
  });
}

export function useAssessment(id: number | null) {
  return useQuery({
    queryKey: ['policy', 'assessments', 'one', id],
    queryFn: ({ signal }) => api.get<SavedAssessment>(`/api/policy/assessments/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useRuleVersions(programme?: Programme) {
  return useQuery({
    queryKey: ['policy', 'rule-versions', programme ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: RuleVersionView[] }>('/api/policy/rule-versions', { programme }, signal),
  });
}

export function useUploadRuleVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<RuleVersionView>('/api/policy/rule-versions/file', form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['policy', 'rule-versions'] }),
  });
}

export function useSuperDeduction() {
  return useMutation({ mutationFn: (body: Record<string, unknown>) => api.post<SuperDeduction>('/api/policy/super-deduction', body) });
}

export function useEnterpriseMatches(organization: number | null, date: string) {
  return useQuery({
    queryKey: ['policy', 'matching', organization, date],
    queryFn: ({ signal }) => api.get<EnterpriseMatches>(`/api/policy/matching/enterprises/${organization}`, { date }, signal),
    enabled: organization !== null,
    retry: false,
  });
}

export function useProgrammeCandidates(programme: number | null, zone: number | null, date: string, page: number) {
  return useQuery({
    queryKey: ['policy', 'candidates', programme, zone, date, page],
    queryFn: ({ signal }) => api.get<ZoneMatches>('/api/policy/matching/programme-candidates', { programme, zone, date, limit: 20, offset: (page - 1) * 20 }, signal),
    enabled: programme !== null,
    retry: false,
  });
}

export const candidatesExportUrl = (programme: number, zone: number | null, date: string, format: 'csv' | 'xlsx') =>
  `/api/policy/matching/programme-candidates/export?programme=${programme}${zone ? `&zone=${zone}` : ''}&date=${date}&format=${format}`;
