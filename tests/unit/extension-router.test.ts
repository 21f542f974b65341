/**
 * The extension's typed router: a handler sees only well-formed messages of its type; malformed
 * messages and types the context does not handle stay unanswered; `send` refuses a malformed answer.
 * Browser errors (either browser's wording) and storage failures become catalog sentences.
 */
import { describe, expect, it, vi } from 'vitest';
import { MalformedAnswerError, route, send } from '../../extension/messaging/router';
import { errorId } from '../../extension/messaging/tab';
import { storageErrorId } from '../../extension/storage/errors';
import { StorageBlockedError } from '../../extension/storage/versioned';
import { extensionCatalogs } from '../../shared/i18n/extension';

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

  it('turns Chromium and Firefox wordings of the same failure into the same sentence, in both languages', () => {
    const cases: [string, string][] = [
      ['Cannot access contents of url "https://x.gov.vn/1". Extension manifest must request permission to access this host.', 'noAccess'],
      ['Missing host permission for the tab', 'noAccess'],
      ['Missing activeTab permission', 'noAccess'],
      ['Invalid tab ID: 7', 'noTab'],
      ['No tab with id: 7.', 'noTab'],
      ['The tab was closed.', 'noTab'],
      ['Frame with ID 0 is showing error page', 'errorPage'],
      ['Cannot access a chrome-extension:// URL of different extension', 'restricted'],
      ['The extensions gallery cannot be scripted.', 'restricted'],
    ];
    for (const [raw, id] of cases) {
      const message = errorId(new Error(raw));
      expect(message).toBe(`extension.error.${id}`);
      expect(extensionCatalogs.vi[message]).not.toBe(extensionCatalogs.en[message]);
      expect(extensionCatalogs.vi[message]).not.toContain(raw);
    }
    expect(errorId('Could not establish connection. Receiving end does not exist.')).toBe('extension.error.other');
  });

  it('turns failed storage writes into sentences: newer data kept, storage full, other', () => {
    const outcome = { key: 'history', state: 'newer' as const, from: 3, to: 2 };
    expect(storageErrorId(new StorageBlockedError(outcome))).toBe('extension.storage.blocked');
    expect(storageErrorId(new Error('QUOTA_BYTES quota exceeded'))).toBe('extension.storage.full');
    expect(storageErrorId(new Error('boom'))).toBe('extension.storage.failed');
  });
});
