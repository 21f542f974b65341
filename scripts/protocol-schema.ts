/**
 * `npm run schema`: writes the wire protocol (shared/protocol/submission.ts, protocol v2) as JSON
 * Schema (draft 2020-12) to shared/protocol/submission.schema.json, for backends written in other
 * languages. The file is generated, never edited by hand; tests/unit/collector-schema.test.ts fails
 * when it no longer matches the protocol. The collector also serves it at /api/v1/schema.json.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { submissionJsonSchema } from '../shared/protocol/submission';

const SCHEMA_FILE = fileURLToPath(new URL('../shared/protocol/submission.schema.json', import.meta.url));

// Formatted as `prettier --check` expects, so the generated file passes the lint.
const text = await format(JSON.stringify(submissionJsonSchema()), { ...(await resolveConfig(SCHEMA_FILE)), filepath: SCHEMA_FILE });
await writeFile(SCHEMA_FILE, text);
console.log(`wrote ${SCHEMA_FILE}`);
