// Browser entry for the benchmark: the shared audit engine as a global, exactly as the extension runs it.
export { auditDocument, auditWhenIdle } from '../shared/audit';
