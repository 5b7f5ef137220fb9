import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../../test/helpers/run-command';
import { registerCrosswalkCommands } from './crosswalk.cli';

const run = (args: string[]) => runCommand(registerCrosswalkCommands, args);

describe('crosswalk CLI', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints one JSON line per code: an IPC code’s sub-fields and industries, an industry’s IPC classes', async () => {
    const { stdout, error } = await run(['crosswalk', 'H01M 10/54', 'C3841']);
    expect(error).toBeUndefined();
    const [ipc, industry] = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(ipc.sub_fields).toEqual([{ code: '7.3', zh: '固体废弃物处置与综合利用技术', en: 'Solid waste treatment and reuse', derived: true }]);
    expect(ipc.industries[0]).toMatchObject({ nace: '26', gbt4754: ['C39', 'C40'] });
    expect(ipc.industries.map((i: { share: number }) => i.share)).toEqual([...ipc.industries.map((i: { share: number }) => i.share)].sort((a, b) => b - a));
    expect(industry).toMatchObject({ industry: 'C3841', entry: 'C38', title_zh: '电气机械和器材制造业', nace: [{ division: '27', title_en: 'Manufacture of electrical equipment' }] });
    expect(industry.ipc_classes).toHaveLength(10);
    expect(industry.ipc_classes.map((c: { ipc_class: string }) => c.ipc_class)).toContain('H02'); // electric power
  });

  it('fails with exit code 2 naming a code that is neither', async () => {
    const { error, stderr } = await run(['crosswalk', 'H01M', 'nonsense']);
    expect(error?.exitCode).toBe(2);
    expect(stderr).toContain('nonsense: neither an IPC code nor a GB/T 4754-2017 industry code');
  });
});
