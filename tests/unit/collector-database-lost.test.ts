/**
 * When the embedded database's worker thread dies, nothing can be stored any more: the driver
 * reports it (the collector then exits non-zero for its supervisor to restart it), and every
 * waiting or later query fails as unavailable instead of hanging. A deliberate close is not a loss.
 */
import { describe, expect, it, vi } from 'vitest';
import { connectPgliteWorker, startPgliteWorker } from '../../collector/db/driver';

vi.setConfig({ testTimeout: 120_000 });

describe('embedded database worker', () => {
  it('reports the loss and fails queries with 57P01 when the worker dies', async () => {
    const worker = startPgliteWorker('');
    const db = await connectPgliteWorker(worker);
    expect(await db.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    const lost = db.lost.then((error) => error.message);
    await worker.terminate();
    expect(await lost).toMatch(/database worker stopped/);
    await expect(db.query('SELECT 1')).rejects.toMatchObject({ code: '57P01' });
  });

  it('does not report a loss when the database is closed on purpose', async () => {
    const db = await connectPgliteWorker(startPgliteWorker(''));
    const settled = vi.fn();
    void db.lost.then(settled);
    await db.close();
    await new Promise((done) => setTimeout(done, 200));
    expect(settled).not.toHaveBeenCalled();
  });
});
