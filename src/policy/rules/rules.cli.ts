import type { Command } from 'commander';

export function registerRuleCommands(_program: Command): void {
  // `assess` and `super-deduction`: filled in by the rule-engine work
}
