/**
 * The protocol's JSON Schema committed in shared/protocol/submission.schema.json (for backends in
 * other languages) is the one the protocol generates now: regenerate it with `npm run schema`
 * whenever shared/protocol changes. The collector serves the same schema at /api/v1/schema.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { submissionJsonSchema } from '../../shared/protocol/submission';

const file = new URL('../../shared/protocol/submission.schema.json', import.meta.url);

describe('protocol JSON Schema file', () => {
  it('matches the protocol (else run npm run schema)', () => {
    const committed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(committed, 'shared/protocol/submission.schema.json is stale: run npm run schema').toEqual(submissionJsonSchema());
  });

  it('names the fields other clients send, the v2 additions included', () => {
    const text = readFileSync(file, 'utf8');
    for (const field of ['"procedureName"', '"agency"', '"scale"', '"respondent"', '"gap-report"', '"honeypot"', '"fillMs"'])
      expect(text, field).toContain(field);
    expect(JSON.parse(text).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
