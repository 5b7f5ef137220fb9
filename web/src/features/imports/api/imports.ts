import { api } from '../../../shared/api/client';
import type { Job, ValidationReport } from '../../../shared/api/types';

export type ImportMode = 'validate' | 'commit' | 'valid-only';

function formWith(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export function validateImport(entity: string, file: File): Promise<ValidationReport> {
  return api.upload<ValidationReport>(`/api/imports/${entity}`, formWith(file), { mode: 'validate' });
}

export function startImport(entity: string, file: File, mode: 'commit' | 'valid-only'): Promise<{ job: Job }> {
  return api.upload<{ job: Job }>(`/api/imports/${entity}`, formWith(file), { mode });
}

export function getJob(id: number | string): Promise<Job> {
  return api.get<Job>(`/api/jobs/${id}`);
}
