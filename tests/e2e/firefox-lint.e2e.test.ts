/** The Firefox build passes Mozilla's add-on linter (web-ext lint) with no errors. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, assertBuilt } from './kit';

describe('Firefox build', () => {
  it('has no web-ext lint errors', async () => {
    const dir = join(ROOT, '.output', 'firefox-mv3');
    assertBuilt(join(dir, 'manifest.json'), 'The Firefox extension');
    const bin = join(ROOT, 'node_modules', '.bin', 'web-ext');
    const { stdout } = await promisify(execFile)(bin, ['lint', '-s', dir, '--self-hosted', '--output=json', '--no-config-discovery'], {
      cwd: ROOT,
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const result = JSON.parse(stdout) as { summary: { errors: number }; errors: { message: string }[] };
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.summary.errors).toBe(0);
  }, 60_000);
});
