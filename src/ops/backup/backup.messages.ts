/** Texts of backup and restore (zh-CN and en side by side). en defines the keys; zh must have exactly the same ones. */
const en = {
  'backup.written': 'Backup written to {file}: {backend} database, {tables} tables, {rows} rows, {files} uploaded files',
  'backup.restored': 'Restored {file}: {backend} database, {tables} tables, {rows} rows, {files} uploaded files; row counts and checksums match the backup',
  'backup.cannotRead': 'Cannot read the backup file {file}: {detail}. Nothing was changed.',
  'backup.damaged': 'The backup file {file} is damaged or truncated ({detail}). Nothing was changed.',
  'backup.noManifest': 'The backup file {file} has no manifest.json and manifest.sha256 (is it a Kechuang backup?). Nothing was changed.',
  'backup.manifestChecksum': 'The manifest of {file} does not match its checksum (manifest.sha256): the file is damaged. Nothing was changed.',
  'backup.badManifest': 'The manifest of {file} is invalid ({detail}). Nothing was changed.',
  'backup.version': 'The backup file {file} has format version {version}; this Kechuang reads version {supported}. Nothing was changed.',
  'backup.memberMissing': 'The backup file {file} is damaged: {member} is listed in the manifest but missing. Nothing was changed.',
  'backup.memberUnlisted': 'The backup file {file} is damaged: {member} is not listed in the manifest. Nothing was changed.',
  'backup.memberChecksum': 'The backup file {file} is damaged: {member} does not match its checksum in the manifest. Nothing was changed.',
  'backup.newerMigrations': 'The backup comes from a newer Kechuang (migrations this version does not have: {names}); upgrade Kechuang first. Nothing was changed.',
  'backup.backendMismatch': 'The backup holds a {backup} database but this deployment uses {target} (DATABASE_URL {urlState}); restore into the same kind. Nothing was changed.',
  'backup.notEmptyDatabase': 'Refused: the target database {target} already has {count} tables ({names}). Restore only into an empty database: create a new one (createdb) and point DATABASE_URL at it. Nothing was changed.',
  'backup.notEmptyPglite': 'Refused: {dir} already holds an embedded database. Restore only into an empty data folder: stop the server and move that folder away first. Nothing was changed.',
  'backup.notEmptyUploads': 'Refused: the uploads folder {dir} is not empty ({count} files). Restore only into an empty data folder: move that folder away first. Nothing was changed.',
  'backup.mismatchDiscarded': 'The restored database does not match the backup ({detail}); it was discarded. Nothing was changed.',
  'backup.mismatchLeft': 'The restored database {target} does not match the backup ({detail}). Drop that database before trying again.',
  'backup.pgToolMissing': '{tool} was found neither on PATH nor in /usr/lib/postgresql/*/bin: install the PostgreSQL client tools (same major version as the server or newer).',
  'backup.pgToolFailed': '{tool} failed: {detail}',
  'backup.noDump': 'This embedded database cannot be dumped (no dumpDataDir)',
  'backup.pgliteInUse': 'Refused: the embedded database in {dir} is in use (postmaster.pid): stop the server first, or let the server make the backups (KECHUANG_BACKUP_DIR). If no server is running, it was not shut down cleanly: start and stop `kechuang serve` once.',
  'backup.scheduled': 'Scheduled backup written to {file}; removed {removed} old backups',
  'backup.scheduleFailed': 'Scheduled backup failed: {detail}',
} as const;

const zh: Record<keyof typeof en, string> = {
  'backup.written': '备份已写入 {file}：{backend} 数据库，{tables} 张表，{rows} 行，{files} 个上传文件',
  'backup.restored': '已恢复 {file}：{backend} 数据库，{tables} 张表，{rows} 行，{files} 个上传文件；行数与校验和均与备份一致',
  'backup.cannotRead': '无法读取备份文件 {file}：{detail}。未做任何更改。',
  'backup.damaged': '备份文件 {file} 已损坏或不完整（{detail}）。未做任何更改。',
  'backup.noManifest': '备份文件 {file} 中没有 manifest.json 和 manifest.sha256（这是科创的备份吗？）。未做任何更改。',
  'backup.manifestChecksum': '备份文件 {file} 的清单与其校验和（manifest.sha256）不符：文件已损坏。未做任何更改。',
  'backup.badManifest': '备份文件 {file} 的清单无效（{detail}）。未做任何更改。',
  'backup.version': '备份文件 {file} 的格式版本为 {version}；本版科创只能读取版本 {supported}。未做任何更改。',
  'backup.memberMissing': '备份文件 {file} 已损坏：清单中列出的 {member} 不存在。未做任何更改。',
  'backup.memberUnlisted': '备份文件 {file} 已损坏：{member} 未列在清单中。未做任何更改。',
  'backup.memberChecksum': '备份文件 {file} 已损坏：{member} 与清单中的校验和不符。未做任何更改。',
  'backup.newerMigrations': '该备份来自更新版本的科创（本版本没有的迁移：{names}）；请先升级科创。未做任何更改。',
  'backup.backendMismatch': '该备份为 {backup} 数据库，而本部署使用 {target}（DATABASE_URL {urlState}）；请恢复到同类数据库。未做任何更改。',
  'backup.notEmptyDatabase': '已拒绝：目标数据库 {target} 中已有 {count} 张表（{names}）。只能恢复到空数据库：请新建一个数据库（createdb）并将 DATABASE_URL 指向它。未做任何更改。',
  'backup.notEmptyPglite': '已拒绝：{dir} 中已有嵌入式数据库。只能恢复到空的数据目录：请先停止服务器并移走该目录。未做任何更改。',
  'backup.notEmptyUploads': '已拒绝：上传文件目录 {dir} 不为空（{count} 个文件）。只能恢复到空的数据目录：请先移走该目录。未做任何更改。',
  'backup.mismatchDiscarded': '恢复出的数据库与备份不符（{detail}），已丢弃。未做任何更改。',
  'backup.mismatchLeft': '恢复出的数据库 {target} 与备份不符（{detail}）。请先删除该数据库再重试。',
  'backup.pgToolMissing': '在 PATH 和 /usr/lib/postgresql/*/bin 中都找不到 {tool}：请安装 PostgreSQL 客户端工具（主版本号不低于服务器）。',
  'backup.pgToolFailed': '{tool} 执行失败：{detail}',
  'backup.noDump': '无法导出该嵌入式数据库（没有 dumpDataDir）',
  'backup.pgliteInUse': '已拒绝：{dir} 中的嵌入式数据库正在使用中（postmaster.pid）：请先停止服务器，或由服务器自行定时备份（KECHUANG_BACKUP_DIR）。如果并无服务器在运行，说明它上次未正常关闭：请启动并停止一次 `kechuang serve`。',
  'backup.scheduled': '定时备份已写入 {file}；删除了 {removed} 个旧备份',
  'backup.scheduleFailed': '定时备份失败：{detail}',
};

export type BackupLocale = 'zh-CN' | 'en';
export type BackupMessageKey = keyof typeof en;
export type BackupParams = Record<string, string | number>;

export function backupText(locale: BackupLocale, key: BackupMessageKey, params: BackupParams = {}): string {
  const template: string = locale === 'zh-CN' ? zh[key] : en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Why a backup or restore stopped, as a message key: `refused` marks a file or target that is not acceptable (exit
 * code 2, like other bad input), as opposed to a failure while working (exit code 1).
 */
export class BackupError extends Error {
  constructor(readonly key: BackupMessageKey, readonly params: BackupParams = {}, readonly refused = true) {
    super(backupText('en', key, params));
    this.name = 'BackupError';
  }
}
