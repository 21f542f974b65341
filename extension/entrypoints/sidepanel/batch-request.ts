/**
 * "Xem trong bảng bên": the batch page asks the side panel to show one page's stored batch report.
 * The request is one item of session storage (`session:sidepanel:batch-page`: the page's queue
 * address and a nonce, so the same row clicked twice asks twice), written by the batch page and
 * read by the panel: when it opens (the panel the click opened) and on every change (a panel
 * already open). Storage rather than a message because the panel may not exist yet when the
 * batch page asks. The panel removes the request once shown, so a panel opened later from the
 * toolbar shows the open tab as usual. Session storage is cleared when the browser closes, so
 * this item needs no version. Storage is a trust boundary: the request is parsed on read.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

const PanelRequest = z.object({ url: z.string().check(z.minLength(1), z.maxLength(2_000)), nonce: z.string().check(z.maxLength(100)) });
type PanelRequest = z.infer<typeof PanelRequest>;

const requestItem = storage.defineItem<unknown>('session:sidepanel:batch-page', { fallback: null });

interface PanelApis {
  sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the side panel (Chrome) or sidebar (Firefox) of `windowId` on the stored report of the
 * batch page `url` (its queue address). Call it straight from the click: both browsers open a
 * panel only inside a user action. A panel that does not open (an older browser) still receives
 * the request if it is open.
 */
export async function showInPanel(url: string, windowId: number | undefined): Promise<void> {
  const apis = browser as unknown as PanelApis;
  const opened = apis.sidePanel ? (windowId !== undefined ? apis.sidePanel.open({ windowId }) : undefined) : apis.sidebarAction?.open();
  await requestItem.setValue({ url, nonce: crypto.randomUUID() } satisfies PanelRequest);
  await opened?.catch((error: unknown) => console.warn('[tthc-audit] panel not opened:', error));
}

function parse(raw: unknown): PanelRequest | null {
  const parsed = PanelRequest.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * Calls `listener` with the pending request now (if any) and with every new one; each request is
 * removed once handed over. Returns the function that stops watching.
 */
export function takePanelRequests(listener: (request: PanelRequest) => void): () => void {
  let last = '';
  const take = (raw: unknown) => {
    const request = parse(raw);
    if (!request || request.nonce === last) return;
    last = request.nonce;
    listener(request);
    void requestItem.removeValue();
  };
  // Watch first, then read: a request written in between is seen by one or the other.
  const unwatch = requestItem.watch(take);
  void requestItem.getValue().then(take);
  return unwatch;
}
