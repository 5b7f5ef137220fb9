import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Classification crosswalks: IPC ↔ NACE Rev. 2 ↔ GB/T 4754-2017 industry, and IPC → the sub-fields of China's eight
 * national key-supported high-tech fields. The tables are data files beside this module (README.md names each
 * source, its licence, how it was derived and what it covers); they are read once per process, on first use.
 */

const DIR = dirname(fileURLToPath(import.meta.url));

/** Rows of a small CSV file (double-quoted fields may hold commas). */
function readCsv(name: string): string[][] {
  const lines = readFileSync(join(DIR, name), 'utf8').split('\n').filter((l) => l.length > 0);
  return lines.slice(1).map((line) => {
    const cells: string[] = [];
    for (let i = 0; i < line.length;) {
      if (line[i] === '"') {
        let cell = '';
        let j = i + 1;
        for (; j < line.length; j++) {
          if (line[j] === '"' && line[j + 1] === '"') { cell += '"'; j++; } else if (line[j] === '"') break; else cell += line[j];
        }
        cells.push(cell);
        i = j + 2;
      } else {
        const end = line.indexOf(',', i);
        cells.push(line.slice(i, end < 0 ? line.length : end));
        i = end < 0 ? line.length + 1 : end + 1;
      }
    }
    if (line.endsWith(',')) cells.push('');
    return cells;
  });
}

export interface IndustryEntry {
  /** GB/T 4754-2017 code of the division (`C38`) or group (`C358`) this entry is for. */
  code: string;
  zh: string;
  /** NACE Rev. 2 divisions the entry corresponds to (derived, README.md). */
  nace: string[];
}

interface Tables {
  industries: Map<string, IndustryEntry>;
  naceTitles: Map<string, string>;
  /** IPC class (`H01`) → NACE division → share of the class's patents (Fraunhofer ISI 2019; each class sums to 1). */
  ipcClassShares: Map<string, Map<string, number>>;
  /** Largest single-division share of each IPC class. */
  ipcClassTop: Map<string, number>;
  /** Normalised IPC prefix (`H01M`, `H01M 10/54`, `G21`) → high-tech sub-field codes (derived, README.md). */
  ipcSubFields: Map<string, string[]>;
  /** NACE division → GB/T 4754 divisions mapped to it. */
  industriesOfNace: Map<string, string[]>;
}

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const industries = new Map<string, IndustryEntry>();
  const industriesOfNace = new Map<string, string[]>();
  for (const [code, zh, nace] of readCsv('gbt4754-2017-divisions.csv')) {
    const entry = { code: code!, zh: zh!, nace: nace!.split(' ').filter(Boolean) };
    industries.set(entry.code, entry);
    if (entry.code.length === 3) for (const n of entry.nace) industriesOfNace.set(n, [...(industriesOfNace.get(n) ?? []), entry.code]);
  }
  const naceTitles = new Map(readCsv('nace2-divisions.csv').map(([code, title]) => [code!, title!]));
  const ipcClassShares = new Map<string, Map<string, number>>();
  const ipcClassTop = new Map<string, number>();
  for (const [nace, ipcClass, share] of readCsv('nace2-ipc-class.csv')) {
    const value = Number(share);
    let shares = ipcClassShares.get(ipcClass!);
    if (!shares) ipcClassShares.set(ipcClass!, (shares = new Map()));
    shares.set(nace!, value);
    if (value > (ipcClassTop.get(ipcClass!) ?? 0)) ipcClassTop.set(ipcClass!, value);
  }
  const ipcSubFields = new Map<string, string[]>();
  for (const [ipc, subField] of readCsv('ipc-hightech-subfields.csv')) {
    ipcSubFields.set(ipc!, [...(ipcSubFields.get(ipc!) ?? []), subField!]);
  }
  tables = { industries, naceTitles, ipcClassShares, ipcClassTop, ipcSubFields, industriesOfNace };
  return tables;
}

// ——— IPC ———

const IPC_CODE = /^([A-H])(\d{2})?([A-Z])?(?:\s*(\d{1,4})(?:\/(\d{1,6}))?)?$/;

/**
 * Prefixes of an IPC code, deepest first, in the tables' spelling: `H01M 10/54` → `H01M 10/54`, `H01M 10`, `H01M`,
 * `H01`. A subgroup is matched as written: IPC nests subgroups by dots in the scheme, not by their digits, so
 * `G10K 11/172` is not read as lying under `G10K 11/16`.
 */
export function ipcPrefixes(raw: string): string[] {
  const m = IPC_CODE.exec(raw.trim().toUpperCase());
  if (!m) return [];
  const [, section, klass, subclass, group, subgroup] = m;
  if (!klass) return [];
  const out: string[] = [];
  const sub = `${section}${klass}${subclass ?? ''}`;
  if (subclass && group) {
    const g = String(Number(group));
    if (subgroup) out.push(`${sub} ${g}/${subgroup.padEnd(2, '0')}`);
    out.push(`${sub} ${g}`);
  }
  if (subclass) out.push(sub);
  out.push(`${section}${klass}`);
  return out;
}

/** The IPC class (`H01`) of a code, if it is well formed to class depth. */
export function ipcClassOf(raw: string): string | undefined {
  const prefixes = ipcPrefixes(raw);
  return prefixes[prefixes.length - 1];
}

/**
 * High-tech sub-fields of an IPC code: those of its deepest prefix listed in the crosswalk (so `H01M 10/54`, waste
 * battery recycling, is 7.3 while the rest of `H01M` is 6.3). Empty when no prefix is listed.
 */
export function subFieldsOfIpc(raw: string): string[] {
  const { ipcSubFields } = load();
  for (const prefix of ipcPrefixes(raw)) {
    const found = ipcSubFields.get(prefix);
    if (found) return found;
  }
  return [];
}

/** Sub-fields of several IPC codes, each once, in the order first met. */
export function subFieldsOfIpcCodes(codes: readonly string[]): string[] {
  const out: string[] = [];
  for (const code of codes) for (const f of subFieldsOfIpc(code)) if (!out.includes(f)) out.push(f);
  return out;
}

/** Share of an IPC class's patents held by each NACE division (Fraunhofer ISI 2019); empty for an unknown class. */
export function naceSharesOfIpc(raw: string): ReadonlyMap<string, number> {
  const klass = ipcClassOf(raw);
  return (klass && load().ipcClassShares.get(klass)) || new Map();
}

// ——— GB/T 4754 industries ———

/** `C3841`, `c3841`, `3841`, `C38`, `38` → `C3841`-style code with its section letter; undefined if malformed or unknown. */
export function normaliseIndustryCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  if (/^[A-T]\d{2,4}$/.test(code)) return load().industries.has(code.slice(0, 3)) ? code : undefined;
  if (/^\d{2,4}$/.test(code)) {
    for (const division of load().industries.keys()) if (division.length === 3 && division.slice(1) === code.slice(0, 2)) return division[0] + code;
  }
  return undefined;
}

/** The crosswalk entry of an industry code: its group's when the group has one of its own (`C358`), else its division's. */
export function industryEntry(raw: string): IndustryEntry | undefined {
  const code = normaliseIndustryCode(raw);
  if (!code) return undefined;
  const { industries } = load();
  return industries.get(code.slice(0, 4)) ?? industries.get(code.slice(0, 3));
}

export function naceTitle(division: string): string | undefined {
  return load().naceTitles.get(division);
}

/** GB/T 4754 divisions whose crosswalk entry names this NACE division. */
export function industriesOfNace(division: string): string[] {
  return load().industriesOfNace.get(division) ?? [];
}

export function industryDivision(code: string): IndustryEntry | undefined {
  return load().industries.get(code);
}

export interface IndustryIpcAffinity {
  /** 0..1: the industry's share of the IPC class's patents relative to the class's largest single industry share. */
  value: number;
  industry: IndustryEntry;
  ipcClass: string;
  /** The industry's share of the class's patents (summed over its NACE divisions). */
  share: number;
}

/**
 * How strongly an enterprise's industry is linked to a technology's IPC codes through the concordance: for each pair,
 * the share of the IPC class's patents that firms of the industry's NACE divisions hold, relative to the class's
 * largest single-industry share (the class's principal industry scores 1). The best pair wins; undefined when
 * either side has no code the crosswalk knows.
 */
export function industryIpcAffinity(industryCodes: readonly string[], ipcCodes: readonly string[]): IndustryIpcAffinity | undefined {
  const { ipcClassShares, ipcClassTop } = load();
  const entries = industryCodes.map(industryEntry).filter((e): e is IndustryEntry => e !== undefined);
  if (entries.length === 0) return undefined;
  let best: IndustryIpcAffinity | undefined;
  for (const raw of ipcCodes) {
    const klass = ipcClassOf(raw);
    const shares = klass ? ipcClassShares.get(klass) : undefined;
    if (!klass || !shares) continue;
    const top = ipcClassTop.get(klass)!;
    for (const industry of entries) {
      let share = 0;
      for (const n of industry.nace) share += shares.get(n) ?? 0;
      const value = Math.min(1, share / top);
      if (!best || value > best.value) best = { value, industry, ipcClass: klass, share };
    }
  }
  return best;
}

/** The IPC classes in which an industry's firms hold the largest shares of patents (the concordance read the other way). */
export function ipcClassesOfIndustry(raw: string, limit = 10): { ipcClass: string; share: number }[] {
  const entry = industryEntry(raw);
  if (!entry) return [];
  const out: { ipcClass: string; share: number }[] = [];
  for (const [ipcClass, shares] of load().ipcClassShares) {
    let share = 0;
    for (const n of entry.nace) share += shares.get(n) ?? 0;
    if (share > 0) out.push({ ipcClass, share: Number(share.toFixed(4)) });
  }
  return out.sort((a, b) => b.share - a.share || a.ipcClass.localeCompare(b.ipcClass)).slice(0, limit);
}
