import type { Command } from 'commander';
import type { ActorFor, WithDb } from '../shared/cli/cli-context';
import { registerCleanCommand } from './clean/clean.cli';
import { registerExtractCommands } from './extract/extract.cli';
import { registerIngestCommand } from './documents/ingest.cli';

/** The intelligence domain's commands: `clean`, `extract`, `extract-eval` (pure, on files) and `ingest` (into the database). */
export function registerIntelligenceCommands(program: Command, withDb: WithDb, actorFor: ActorFor): void {
  registerCleanCommand(program);
  registerExtractCommands(program);
  registerIngestCommand(program, withDb, actorFor);
}
