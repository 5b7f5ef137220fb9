import { Command, CommanderError } from 'commander';
import { vi } from 'vitest';

export interface CommandRun {
  stdout: string;
  stderr: string;
  /** Set when the command ended through commander (a usage error or an explicit exit code). */
  error?: CommanderError;
}

/**
 * Runs CLI commands in this process, as `npx kechuang …` would, and captures what they print: a fresh program with
 * only the commands `register` adds, commander's exits turned into errors, stdout and stderr collected.
 */
export async function runCommand(register: (program: Command) => void, args: string[]): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const program = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  register(program);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeErr: (text) => { stderr += text; } });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { stderr += String(chunk); return true; });
  try {
    await program.parseAsync(args, { from: 'user' });
    return { stdout, stderr };
  } catch (error) {
    if (error instanceof CommanderError) return { stdout, stderr, error };
    throw error;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
