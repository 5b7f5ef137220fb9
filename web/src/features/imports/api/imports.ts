import { client, unwrap } from '../../../shared/api/client';
import type { paths } from '../../../shared/api/schema';
import type { ImportJob, ValidationReport } from '../../../shared/api/types';

export type ImportMode = 'validate' | 'commit' | 'valid-only';
/** The entities the import route takes (schema.ts). */
export type ImportEntity = paths['/api/imports/{entity}']['post']['parameters']['path']['entity'];

function formWith(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

// The import route reads a multipart file (no JSON schema for its body or answer): the form goes as it is.
const upload = <T>(entity: string, file: File, mode: ImportMode) => unwrap<T>(client.POST('/api/imports/{entity}', {
  params: { path: { entity: entity as ImportEntity }, query: { mode } }, body: formWith(file) as never,
}));

export function validateImport(entity: string, file: File): Promise<ValidationReport> {
  return upload<ValidationReport>(entity, file, 'validate');
}

export function startImport(entity: string, file: File, mode: 'commit' | 'valid-only'): Promise<{ job: ImportJob }> {
  return upload<{ job: ImportJob }>(entity, file, mode);
}

export async function getJob(id: number | string): Promise<ImportJob> {
  // An import job's result is the import summary (or null until it finishes).
  return (await unwrap(client.GET('/api/jobs/{id}', { params: { path: { id: Number(id) } } }))) as ImportJob;
}
