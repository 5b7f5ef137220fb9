import type { Command } from 'commander';
import type { ActorFor, WithDb } from '../shared/cli/cli-context';
import { registerRuleCommands } from './rules/rules.cli';

/** The policy domain's commands: `assess`, `super-deduction` (pure, on files) and the database-backed ones. */
export function registerPolicyCommands(program: Command, _withDb: WithDb, _actorFor: ActorFor): void {
  registerRuleCommands(program);
}
