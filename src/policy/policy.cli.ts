import type { Command } from 'commander';
import type { ActorFor, WithDb } from '../shared/cli/cli-context';
import { registerRuleCommands } from './rules/rules.cli';
import { registerAssessAllCommand } from './assessment/assess-all.cli';

/** The policy domain's commands: `assess`, `super-deduction` (pure, on files) and `assess-all` (every enterprise of a zone, on the database). */
export function registerPolicyCommands(program: Command, withDb: WithDb, actorFor: ActorFor): void {
  registerRuleCommands(program);
  registerAssessAllCommand(program, withDb, actorFor);
}
