import type { Command } from 'commander';
import type { ActorFor, WithDb } from '../shared/cli/cli-context';
import { registerCleanCommand } from './clean/clean.cli';
import { registerExtractCommands } from './extract/extract.cli';

/** The intelligence domain's commands: `clean`, `extract`, `extract-eval` (pure, on files). */
export function registerIntelligenceCommands(program: Command, _withDb: WithDb, _actorFor: ActorFor): void {
  registerCleanCommand(program);
  registerExtractCommands(program);
}
