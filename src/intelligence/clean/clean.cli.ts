import type { Command } from 'commander';

export function registerCleanCommand(_program: Command): void {
  // `clean <file>`: filled in by the cleaning work
}
