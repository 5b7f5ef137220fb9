import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import type { ActorFor, WithDb } from '../../shared/cli/cli-context';
import { AppError } from '../../shared/http/errors';
import { translate } from '../../shared/i18n';
import { processDocument, zoneAliases } from './documents.job';
import { DOCUMENT_EXTENSIONS, storeDocuments, type UploadedFile } from './documents.service';
import { extractContext } from './pipeline';

/** Every readable file given: files as named, folders one level deep (by extension). */
async function collectFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if ((await stat(p)).isDirectory()) {
      for (const name of (await readdir(p)).sort()) if (DOCUMENT_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) out.push(join(p, name));
    } else out.push(p);
  }
  return out;
}

/**
 * `kechuang ingest <file-or-folder…> --zone <code|id> [--date YYYY-MM-DD] [--as user]`: the same as an upload in the
 * web app, processed at once in this process (no server needed); one JSON line per file, then a summary line.
 */
export function registerIngestCommand(program: Command, withDb: WithDb, actorFor: ActorFor): void {
  program.command('ingest').description('Ingest documents (txt, html, pdf, docx) into a zone: keep the originals, clean, extract facts for review')
    .argument('<paths...>', 'files or folders')
    .requiredOption('--zone <zone>', 'zone code or id')
    .option('--date <date>', 'the articles\' date, YYYY-MM-DD (resolves 今年 / 去年)')
    .option('--as <username>', 'act as this user (default: the first admin)')
    .action((paths: string[], opts: { zone: string; date?: string; as?: string }) => withDb(async (db) => {
      const actor = await actorFor(db, opts.as);
      const zone = (await db.query<{ id: number }>('select id from zones where code = $1 or id::text = $1', [opts.zone]))[0];
      if (!zone) throw new Error(`no zone with code or id "${opts.zone}"`);
      const files: UploadedFile[] = [];
      for (const path of await collectFiles(paths)) files.push({ fileName: basename(path), bytes: new Uint8Array(await readFile(path)) });
      let stored;
      try {
        stored = await storeDocuments(db, actor, {
          zone: Number(zone.id), articleDate: opts.date, files,
          translate: (key, params) => ({ en: translate('en', key, params), zh: translate('zh-CN', key, params), message: translate('en', key, params) }),
        });
      } catch (err) {
        if (!(err instanceof AppError) || !Array.isArray(err.extra.files)) throw err;
        for (const f of err.extra.files) console.log(JSON.stringify(f));
        process.exitCode = 2;
        return;
      }
      for (const f of stored.files) if (f.status === 'rejected') console.log(JSON.stringify(f));
      const zones = await zoneAliases(db);
      const context = extractContext(zones);
      let failed = 0;
      for (const [i, id] of stored.accepted.entries()) {
        const outcome = await processDocument(db, id, zones, context);
        const row = (await db.query<{ file_name: string; status: string; error: unknown; facts: number }>(
          'select file_name, status, error, (select count(*) from intel_facts f where f.document_id = d.id)::int8 as facts from intel_documents d where id = $1', [id]))[0]!;
        if (outcome === 'failed') failed++;
        console.log(JSON.stringify({ document_id: id, ...row, facts: Number(row.facts) }));
        process.stderr.write(`\r${i + 1}/${stored.accepted.length} documents processed`);
      }
      process.stderr.write('\n');
      console.log(JSON.stringify({ stored: stored.accepted.length, refused: stored.files.length - stored.accepted.length, failed }));
      if (failed || stored.files.length > stored.accepted.length) process.exitCode = 2;
    }).catch(report));
}

function report(err: unknown): void {
  if (err instanceof AppError) {
    console.error(translate('en', err.key, err.params));
    for (const i of err.issues) console.error(`  ${i.field}: ${translate('en', i.key, i.params)}`);
  } else console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = err instanceof AppError && err.status < 500 ? 2 : 1;
}
