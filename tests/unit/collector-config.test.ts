/**
 * The collector's settings as an operator writes them in the environment: defaults, accepted forms,
 * and one message per bad value naming the variable, in the operator's language.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../collector/config';
import { collectorCatalogs } from '../../shared/i18n/collector';
import { translator } from '../../shared/i18n/format';

const parse = (env: Record<string, string>) => parseConfig(env, '/srv/tthc');

describe('collector configuration', () => {
  it('starts with safe defaults: local address, data in the project folder, limits on, fsync on', () => {
    const result = parse({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/tthc/.data/collector',
      databaseUrl: null,
      rateLimitPerMinute: 60,
      trustProxy: false,
      pgliteFsync: true,
    });
  });

  it.each([
    ['off', false],
    ['OFF', false],
    ['false', false],
    ['0', false],
    ['on', true],
    ['true', true],
    ['1', true],
  ])('PGLITE_FSYNC=%s turns fsync per commit %s', (value, expected) => {
    const result = parse({ PGLITE_FSYNC: value });
    expect(result.ok && result.config.pgliteFsync).toBe(expected);
  });

  it('refuses a PGLITE_FSYNC that is neither on nor off, naming it in Vietnamese and in English', () => {
    const result = parse({ PGLITE_FSYNC: 'sometimes' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [problem] = result.problems;
    expect(translator(collectorCatalogs, 'vi')(problem!.id, problem!.params)).toBe(
      'PGLITE_FSYNC phải là on hoặc off, nhận được "sometimes".',
    );
    expect(translator(collectorCatalogs, 'en')(problem!.id, problem!.params)).toBe('PGLITE_FSYNC must be on or off, got "sometimes".');
  });

  it('lists every bad value at once, so one restart fixes them all', () => {
    const result = parse({ PORT: 'x', RATE_LIMIT_PER_MINUTE: '-1', DATABASE_URL: 'mysql://a', PGLITE_FSYNC: 'maybe' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.params.name)).toEqual(['PORT', 'DATABASE_URL', 'RATE_LIMIT_PER_MINUTE', 'PGLITE_FSYNC']);
  });
});
