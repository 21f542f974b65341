/**
 * The extension's typed router: a handler sees only well-formed messages of its type; malformed
 * messages and types the context does not handle stay unanswered; `send` refuses a malformed answer.
 */
import { describe, expect, it, vi } from 'vitest';
import { MalformedAnswerError, route, send } from '../../extension/messaging/router';
import { errorId } from '../../extension/messaging/tab';

function deliver(listener: ReturnType<typeof route>, message: unknown): Promise<unknown> | undefined {
  let answer: (value: unknown) => void = () => undefined;
  const answered = new Promise((done) => (answer = done));
  return listener(message, {}, answer) === true ? answered : undefined;
}

describe('extension router', () => {
  it('dispatches a parsed message to its handler and answers with the result', async () => {
    const show = vi.fn(() => ({ found: 'selector' as const, box: { x: 1, y: 2, width: 3, height: 4 } }));
    const listener = route({ 'overlay/show': show });
    const answer = await deliver(listener, { type: 'overlay/show', evidence: { selector: 'p', quote: 'x' } });
    expect(answer).toEqual({ found: 'selector', box: { x: 1, y: 2, width: 3, height: 4 } });
    expect(show).toHaveBeenCalledWith({ type: 'overlay/show', evidence: { selector: 'p', quote: 'x' } });
  });

  it('leaves malformed messages and unhandled types unanswered', () => {
    const show = vi.fn(() => ({ found: 'none' as const, box: null }));
    const listener = route({ 'overlay/show': show });
    expect(deliver(listener, { type: 'overlay/show', evidence: { selector: 42 } })).toBeUndefined();
    expect(deliver(listener, { type: 'overlay/clear' })).toBeUndefined();
    expect(deliver(listener, 'audit/run')).toBeUndefined();
    expect(deliver(listener, null)).toBeUndefined();
    expect(show).not.toHaveBeenCalled();
  });

  it('answers a handler error as an error object, which send refuses', async () => {
    const listener = route({
      'overlay/clear': () => {
        throw new Error('boom');
      },
    });
    const transport = (m: unknown) => deliver(listener, m) ?? Promise.resolve(undefined);
    await expect(send(transport, { type: 'overlay/clear' })).rejects.toBeInstanceOf(MalformedAnswerError);
  });

  it('parses the answer with the schema of the request type', async () => {
    await expect(send(async () => ({ cleared: true }), { type: 'overlay/clear' })).resolves.toEqual({ cleared: true });
    await expect(send(async () => ({ cleared: 'yes' }), { type: 'overlay/clear' })).rejects.toBeInstanceOf(MalformedAnswerError);
  });

  it('turns browser errors into catalog message ids', () => {
    expect(errorId(new Error('Cannot access contents of the page. Extension manifest must request permission'))).toBe(
      'extension.error.noAccess',
    );
    expect(errorId(new Error('Cannot access a chrome:// URL'))).toBe('extension.error.restricted');
    expect(errorId(new Error('No tab with id: 5.'))).toBe('extension.error.noTab');
    expect(errorId(new Error('something else'))).toBe('extension.error.other');
  });
});
