import type { Command } from 'commander';
import { HIGH_TECH_FIELDS } from '../../transfer/matching/high-tech-fields';
import {
  industriesOfNace, industryEntry, ipcClassesOfIndustry, ipcPrefixes, naceSharesOfIpc, naceTitle, subFieldsOfIpc,
} from './crosswalk';

const BAD_INPUT_EXIT_CODE = 2;

/** What the crosswalks say about one code: an IPC code's sub-fields and industries, or an industry's IPC classes. */
export function describeCode(raw: string): Record<string, unknown> | undefined {
  // `C3841` would also parse as IPC class C38 with a group; IPC here means a subclass letter, or a class the
  // concordance knows (`H01`), so industry codes are read as industries.
  const code = raw.trim().toUpperCase();
  const isIpc = /^[A-H]\d{2}[A-Z]/.test(code) || (/^[A-H]\d{2}$/.test(code) && naceSharesOfIpc(code).size > 0);
  const industry = industryEntry(raw);
  if (industry && !isIpc) {
    return {
      industry: raw.trim().toUpperCase(), entry: industry.code, title_zh: industry.zh,
      nace: industry.nace.map((n) => ({ division: n, title_en: naceTitle(n) })),
      ipc_classes: ipcClassesOfIndustry(raw, 10).map((c) => ({ ipc_class: c.ipcClass, share: c.share })),
    };
  }
  if (isIpc && ipcPrefixes(raw).length) {
    const shares = [...naceSharesOfIpc(raw)].sort((a, b) => b[1] - a[1]).slice(0, 5);
    return {
      ipc: raw.trim().toUpperCase(),
      sub_fields: subFieldsOfIpc(raw).map((code) => ({ code, zh: HIGH_TECH_FIELDS[code]!.zh, en: HIGH_TECH_FIELDS[code]!.en, derived: true })),
      industries: shares.map(([division, share]) => ({ nace: division, title_en: naceTitle(division), gbt4754: industriesOfNace(division), share })),
    };
  }
  return undefined;
}

/** Adds `crosswalk <codes...>`: look codes up in the classification crosswalks (no database). */
export function registerCrosswalkCommands(program: Command): void {
  program
    .command('crosswalk')
    .description('look up IPC codes (H01M 10/54) or GB/T 4754 industry codes (C3841) in the classification crosswalks; one JSON line per code')
    .argument('<codes...>', 'IPC or GB/T 4754 codes (quote codes with spaces)')
    .action(function (this: Command, codes: string[]) {
      for (const code of codes) {
        const found = describeCode(code);
        if (!found) return this.error(`${code}: neither an IPC code nor a GB/T 4754-2017 industry code`, { exitCode: BAD_INPUT_EXIT_CODE, code: 'crosswalk.bad-input' });
        process.stdout.write(`${JSON.stringify(found)}\n`);
      }
    });
}
