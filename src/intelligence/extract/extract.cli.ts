import type { Command } from 'commander';

export function registerExtractCommands(_program: Command): void {
  // `extract` and `extract-eval`: filled in by the extraction work
}
