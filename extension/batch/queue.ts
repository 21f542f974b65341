/**
 * TEMPORARY stand-in for the shared batch runner core (shared/batch), to be replaced by it.
 */
export type PageState = 'pending' | 'active' | 'done' | 'unscannable';
export interface QueuePage {
  url: string;
  state: PageState;
  reason?: string;
}
export interface QueueState {
  version: 1;
  pages: QueuePage[];
}
export function createQueue(urls: readonly string[]): QueueState {
  return { version: 1, pages: urls.map((url) => ({ url, state: 'pending' })) };
}
export function takeNext(q: QueueState): string | undefined {
  const page = q.pages.find((p) => p.state === 'pending');
  if (!page) return undefined;
  page.state = 'active';
  return page.url;
}
export function record(q: QueueState, url: string, state: 'done' | 'unscannable', reason?: string): void {
  const page = q.pages.find((p) => p.url === url);
  if (!page) return;
  page.state = state;
  if (reason) page.reason = reason;
}
export function requeueActive(q: QueueState): void {
  for (const p of q.pages) if (p.state === 'active') p.state = 'pending';
}
export function counts(q: QueueState): Record<PageState, number> {
  const c: Record<PageState, number> = { pending: 0, active: 0, done: 0, unscannable: 0 };
  for (const p of q.pages) c[p.state]++;
  return c;
}
