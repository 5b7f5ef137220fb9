import { describe, expect, it } from 'vitest';
import { RenderQueue, ReportBusyError } from './render-queue';

const deferred = () => {
  let resolve!: (b: Buffer) => void;
  const promise = new Promise<Buffer>((r) => { resolve = r; });
  return { promise, resolve };
};

describe('RenderQueue', () => {
  it('runs at most `concurrency` renders at once and refuses past the waiting line', async () => {
    const q = new RenderQueue(2, 1);
    let active = 0;
    let peak = 0;
    const gates = [deferred(), deferred(), deferred()];
    const started = gates.map((g, i) => q.render(`k${i}`, async () => {
      active++;
      peak = Math.max(peak, active);
      const b = await g.promise;
      active--;
      return b;
    }));
    await Promise.resolve();
    expect(q.stats).toMatchObject({ running: 2, waiting: 1 });
    await expect(q.render('k3', async () => Buffer.from('x'))).rejects.toBeInstanceOf(ReportBusyError);
    gates.forEach((g, i) => g.resolve(Buffer.from(String(i))));
    expect((await Promise.all(started)).map(String)).toEqual(['0', '1', '2']);
    expect(peak).toBe(2);
    expect(q.stats).toMatchObject({ running: 0, waiting: 0, cached: 3 });
  });

  it('renders a key once: the same report is shared while rendering and served from the cache after', async () => {
    const q = new RenderQueue(1, 4, 2);
    let renders = 0;
    const work = async () => { renders++; return Buffer.from('pdf'); };
    await Promise.all([q.render('a', work), q.render('a', work)]);
    await q.render('a', work);
    expect(renders).toBe(1);
    await q.render('b', work);
    await q.render('c', work); // evicts a, the least recently used
    await q.render('a', work);
    expect(renders).toBe(4);
  });

  it('does not keep a failed render', async () => {
    const q = new RenderQueue();
    await expect(q.render('x', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await q.render('x', async () => Buffer.from('ok'))).toEqual(Buffer.from('ok'));
  });
});
