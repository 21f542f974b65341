/**
 * The small typed router: a receiving context declares one handler per message type it answers;
 * `route` parses every incoming payload against the protocol and calls the matching handler, so a
 * handler only ever sees a well-formed message. Messages of types the context does not handle,
 * and malformed ones, are left unanswered (another context may answer them). `send` is the other
 * end: it parses the answer with the request type's schema.
 */
import type * as z from 'zod/mini';
import { ExtensionMessage, RESPONSES, type MessageOf, type MessageType, type ResponseOf } from './protocol';

export type Handlers = { [T in MessageType]?: (message: MessageOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>> };

/** Returns a `runtime.onMessage` listener that answers the messages `handlers` covers. */
export function route(handlers: Handlers) {
  return (raw: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): true | undefined => {
    const parsed = ExtensionMessage.safeParse(raw);
    if (!parsed.success) return undefined;
    const handler = handlers[parsed.data.type] as ((m: ExtensionMessage) => unknown) | undefined;
    if (!handler) return undefined;
    Promise.resolve()
      .then(() => handler(parsed.data))
      .then(sendResponse, (error: unknown) => sendResponse({ error: error instanceof Error ? error.message : String(error) }));
    return true; // the answer is sent asynchronously
  };
}

/** Sends `message` through `transport` and parses the answer; a malformed answer is an error. */
export async function send<T extends MessageType>(
  transport: (message: MessageOf<T>) => Promise<unknown>,
  message: MessageOf<T>,
): Promise<ResponseOf<T>> {
  const answer = await transport(message);
  const parsed = (RESPONSES[message.type] as z.ZodMiniType).safeParse(answer);
  if (!parsed.success) throw new MalformedAnswerError(message.type);
  return parsed.data as ResponseOf<T>;
}

export class MalformedAnswerError extends Error {
  constructor(type: string) {
    super(`malformed answer to ${type}`);
    this.name = 'MalformedAnswerError';
  }
}
