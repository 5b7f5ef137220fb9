import { cleanDocument, readDocument, type CleanDocument } from '../clean';
import { extractFacts, type ExtractContext, type Fact } from '../extract';
import { findPolicyProposals, type PolicyProposal } from './policy-proposals';

/**
 * The one place the documents module calls the pure pipeline: read → clean → extract (+ policy proposals).
 * No database here, so the job and the CLI share it.
 */
export interface ZoneAlias {
  id: number;
  code: string;
  names: string[];
}

export type ExtractedFact = Fact;

export type PipelineOutcome =
  | { ok: true; clean: CleanDocument; facts: ExtractedFact[]; proposals: PolicyProposal[] }
  | { ok: false; code: string; message: { en: string; zh: string } };

/** The extractor's context from the registry's zones (built once per job: the extractor caches its lexicon by it). */
export function extractContext(zones: readonly ZoneAlias[]): ExtractContext {
  return { zoneAliases: zones.map((z) => ({ name: z.names[0]!, aliases: z.names.slice(1), id: z.code })) };
}

export async function runPipeline(bytes: Uint8Array, fileName: string, opts: { date?: string; context: ExtractContext }): Promise<PipelineOutcome> {
  const read = await readDocument(bytes, fileName);
  if (!read.ok) return { ok: false, code: read.code, message: read.message };
  const clean = cleanDocument(read, opts.date ? { date: opts.date } : {});
  const facts = extractFacts({ text: clean.text, date: clean.date, title: clean.title, sentences: clean.sentences, paragraphs: clean.paragraphs }, opts.context);
  // The contract says every quote is an exact substring of the clean text at its offsets; a fact that is not would
  // point a reviewer at the wrong words, so it is dropped rather than stored.
  const exact = facts.filter((f) => clean.text.slice(f.start, f.end) === f.quote);
  return { ok: true, clean, facts: exact, proposals: findPolicyProposals(clean.text, clean.sentences) };
}
