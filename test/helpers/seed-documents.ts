import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanDocument, readDocument } from '../../src/intelligence/clean';
import { SEED_SOURCES, type SeedSourceId } from '../../src/registry/demo/seed-sources';

/**
 * The seed documents the demo facts are taken from, as the intelligence module cleans them. They live beside the
 * repository (../shared/seeds, as on the CI machine); where they are absent, tests that compare quotes with them
 * say so and check the rest.
 */
export const SEED_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');

export async function cleanedSeedDocuments(): Promise<Map<SeedSourceId, string> | null> {
  if (!existsSync(SEED_DIR)) return null;
  const texts = new Map<SeedSourceId, string>();
  for (const [id, source] of Object.entries(SEED_SOURCES) as [SeedSourceId, (typeof SEED_SOURCES)[SeedSourceId]][]) {
    const read = await readDocument(readFileSync(join(SEED_DIR, source.file)), source.file);
    if (!read.ok) throw new Error(`${source.file}: ${read.message.en}`);
    texts.set(id, cleanDocument(read).text);
  }
  return texts;
}

/**
 * A conversion artefact as a Simplified → Traditional converter leaves it: a Han character followed by one pinyin
 * syllable with a tone mark in brackets, "企業(yè)", "區(qū)" (the pattern src/intelligence/clean/repair.ts repairs).
 */
export const CONVERSION_ARTEFACT = /[\u3400-\u9fff][(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*[)）]/;
