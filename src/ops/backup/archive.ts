import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { create, extract } from 'tar';
import { z } from 'zod';
import { BackupError } from './backup.messages';
import { BACKUP_FORMAT_VERSION, MANIFEST_CHECKSUM_FILE, MANIFEST_FILE, manifestSchema, type Manifest, type Member } from './manifest.schema';

/**
 * The backup file: a gzipped tarball of a staging folder, manifest first. Writing lists and hashes every member into
 * the manifest; opening extracts into a scratch folder and checks all of it before the caller touches anything.
 */

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `root`, as '/'-separated paths relative to it, sorted. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  return entries.filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

async function memberOf(staging: string, path: string): Promise<Member> {
  const full = join(staging, path);
  return { path, size: (await stat(full)).size, sha256: await sha256OfFile(full) };
}

/** Hashes the staged members into the manifest, writes the archive next to `out` and moves it into place when complete. */
export async function writeArchive(staging: string, out: string, about: Omit<Manifest, 'members'>): Promise<Manifest> {
  const members: Member[] = [];
  for (const path of await filesUnder(staging)) members.push(await memberOf(staging, path));
  const manifest: Manifest = { ...about, members };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(join(staging, MANIFEST_FILE), text);
  await writeFile(join(staging, MANIFEST_CHECKSUM_FILE), `${createHash('sha256').update(text).digest('hex')}  ${MANIFEST_FILE}\n`);
  // A half-written file never carries the final name, so a crash cannot leave something that looks like a backup.
  const partial = `${out}.partial`;
  try {
    await create({ gzip: true, file: partial, cwd: staging, portable: true }, [MANIFEST_FILE, MANIFEST_CHECKSUM_FILE, ...members.map((m) => m.path)]);
    await rename(partial, out);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  return manifest;
}

/** Extracts `file` into the empty folder `staging` and verifies manifest and members; throws BackupError naming the fault. */
export async function openArchive(file: string, staging: string): Promise<Manifest> {
  try {
    await stat(file);
  } catch (err) {
    throw new BackupError('backup.cannotRead', { file, detail: (err as Error).message });
  }
  // The gzip stream is checked whole first (its CRC and length catch any damaged or missing byte): tar, stopped by an
  // error mid-way, would go on writing the entries it already had while the caller cleans up.
  try {
    await pipeline(createReadStream(file), createGunzip(), new Writable({ write: (_chunk, _encoding, done) => done() }));
  } catch (err) {
    throw new BackupError('backup.damaged', { file, detail: `gzip: ${(err as Error).message}` });
  }
  const oddEntries: string[] = [];
  try {
    await extract({
      file, cwd: staging, strict: true,
      // Only plain files and folders belong in a backup; links could point anywhere.
      filter: (path, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        if (type === 'File' || type === 'OldFile' || type === 'Directory') return true;
        oddEntries.push(`${path} (${type})`);
        return false;
      },
    });
  } catch (err) {
    throw new BackupError('backup.damaged', { file, detail: (err as Error).message });
  }
  if (oddEntries.length) throw new BackupError('backup.damaged', { file, detail: `unexpected entries: ${oddEntries.join(', ')}` });

  let text: string;
  let recorded: string;
  try {
    text = await readFile(join(staging, MANIFEST_FILE), 'utf8');
    recorded = (await readFile(join(staging, MANIFEST_CHECKSUM_FILE), 'utf8')).trim().split(/\s+/)[0] ?? '';
  } catch {
    throw new BackupError('backup.noManifest', { file });
  }
  if (createHash('sha256').update(text).digest('hex') !== recorded) throw new BackupError('backup.manifestChecksum', { file });
  const manifest = parseManifest(file, text);

  const listed = new Set(manifest.members.map((m) => m.path));
  for (const path of await filesUnder(staging)) {
    if (path !== MANIFEST_FILE && path !== MANIFEST_CHECKSUM_FILE && !listed.has(path)) throw new BackupError('backup.memberUnlisted', { file, member: path });
  }
  for (const member of manifest.members) {
    let actual: Member;
    try {
      actual = await memberOf(staging, member.path);
    } catch {
      throw new BackupError('backup.memberMissing', { file, member: member.path });
    }
    if (actual.size !== member.size || actual.sha256 !== member.sha256) throw new BackupError('backup.memberChecksum', { file, member: member.path });
  }
  return manifest;
}

function parseManifest(file: string, text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new BackupError('backup.badManifest', { file, detail: (err as Error).message });
  }
  // The version is read first: a newer format may differ in any other field.
  const version = z.object({ version: z.number() }).safeParse(json);
  if (version.success && version.data.version !== BACKUP_FORMAT_VERSION) {
    throw new BackupError('backup.version', { file, version: version.data.version, supported: BACKUP_FORMAT_VERSION });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new BackupError('backup.badManifest', { file, detail: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') });
  }
  return parsed.data;
}
