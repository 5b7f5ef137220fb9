// Self-assessment, saved versions, rule versions, the super-deduction calculator and policy matching
// (/api/policy/…). Request and response types come from the API types generated from the OpenAPI document (schema.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type BodyOf, type ResponseOf } from '../../../../shared/api/client';
import type { PolicyCaseInput } from '../../../../../../src/policy/rules/case';

export type Programme = 'hnte' | 'tech-sme' | 'innovative-sme' | 'srdi' | 'little-giant';
export const PROGRAMMES: Programme[] = ['tech-sme', 'innovative-sme', 'hnte', 'srdi', 'little-giant'];
export type Prefill = ResponseOf<'/api/policy/assessment/prefill', 'get'>;
export type RunResult = ResponseOf<'/api/policy/assessment/run', 'post'>;
export type AssessmentResult = RunResult['result'];
export type SavedAssessment = ResponseOf<'/api/policy/assessments/{id}', 'get'>;
export type AssessmentList = ResponseOf<'/api/policy/assessments', 'get'>;
export type RuleVersionView = ResponseOf<'/api/policy/rule-versions', 'get'>['items'][number];
export type SuperDeduction = ResponseOf<'/api/policy/super-deduction', 'post'>;
export type EnterpriseMatches = ResponseOf<'/api/policy/matching/enterprises/{id}', 'get'>;
export type ZoneMatches = ResponseOf<'/api/policy/matching/programme-candidates', 'get'>;
// The case form edits the engine's own case type (the document's case body is an open record of the same fields).
export type CaseInput = PolicyCaseInput;

export function usePrefill(organization: number | null, programme: Programme, date: string) {
  return useQuery({
    queryKey: ['policy', 'prefill', organization, programme, date],
    queryFn: ({ signal }) => unwrap(client.GET('/api/policy/assessment/prefill', { params: { query: { organization: organization!, programme, date } }, signal })),
    enabled: organization !== null,
    retry: false,
  });
}

/** What the form sends to run an assessment and to save it (the save takes a note besides). */
export type RunBody = Omit<BodyOf<'/api/policy/assessments', 'post'>, 'case'> & { case: CaseInput };

export function useRun() {
  return useMutation({ mutationFn: (body: RunBody) => unwrap(client.POST('/api/policy/assessment/run', { body })) });
}

export function useSave() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...body }: RunBody & { id?: number; version?: number }) =>
      unwrap<SavedAssessment>(id
        ? client.POST('/api/policy/assessments/{id}/versions', { params: { path: { id } }, body: { version: version!, date: body.date, case: body.case, note: body.note } })
        : client.POST('/api/policy/assessments', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['policy', 'assessments'] }),
  });
}

export function useAssessments(organization: number | null) {
  return useQuery({
    queryKey: ['policy', 'assessments', organization],
    queryFn: ({ signal }) => unwrap(client.GET('/api/policy/assessments', { params: { query: { organization: organization!, limit: 50 } }, signal })),
    enabled: organization !== null,
  });
}

export function useAssessment(id: number | null) {
  return useQuery({
    queryKey: ['policy', 'assessments', 'one', id],
    queryFn: ({ signal }) => unwrap(client.GET('/api/policy/assessments/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== null,
  });
}

export function useRuleVersions(programme?: Programme) {
  return useQuery({
    queryKey: ['policy', 'rule-versions', programme ?? 'all'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/policy/rule-versions', { params: { query: { programme } }, signal })),
  });
}

export function useUploadRuleVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      // A multipart file (no JSON body schema): the form goes as it is.
      return unwrap(client.POST('/api/policy/rule-versions/file', { body: form as never }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['policy', 'rule-versions'] }),
  });
}

export function useSuperDeduction() {
  return useMutation({ mutationFn: (body: BodyOf<'/api/policy/super-deduction', 'post'>) => unwrap(client.POST('/api/policy/super-deduction', { body })) });
}

export function useEnterpriseMatches(organization: number | null, date: string) {
  return useQuery({
    queryKey: ['policy', 'matching', organization, date],
    queryFn: ({ signal }) => unwrap(client.GET('/api/policy/matching/enterprises/{id}', { params: { path: { id: organization! }, query: { date } }, signal })),
    enabled: organization !== null,
    retry: false,
  });
}

export function useProgrammeCandidates(programme: number | null, zone: number | null, date: string, page: number) {
  return useQuery({
    queryKey: ['policy', 'candidates', programme, zone, date, page],
    queryFn: ({ signal }) => unwrap(client.GET('/api/policy/matching/programme-candidates', {
      params: { query: { programme: programme!, zone: zone ?? undefined, date, limit: 20, offset: (page - 1) * 20 } }, signal,
    })),
    enabled: programme !== null,
    retry: false,
  });
}

export const candidatesExportUrl = (programme: number, zone: number | null, date: string, format: 'csv' | 'xlsx') =>
  `/api/policy/matching/programme-candidates/export?programme=${programme}${zone ? `&zone=${zone}` : ''}&date=${date}&format=${format}`;
