// The shared audit engine alone, as a browser bundle: measured by `npm run size` (it must hold no
// zod, the engine parses nothing of its own) and loaded by the benchmarks.
export { auditDocument, auditWhenIdle } from '../shared/audit';
