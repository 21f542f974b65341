/** The answer type of batch/start and batch/control (the schema is in messaging/protocol.ts). */
import type { ResponseOf } from '../messaging/protocol';

export type BatchAnswer = ResponseOf<'batch/start'>;
