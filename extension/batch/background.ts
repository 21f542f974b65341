/**
 * The batch audit's part of the background service worker: answers batch/start and
 * batch/control, and wakes the worker on browser start-up, on the keep-alive alarm and whenever
 * the service worker itself starts, so a running batch resumes where storage says it stopped.
 * Batch tabs open in a window of their own, minimised and unfocused, so the auditor's tabs are
 * left alone (the current window when the browser cannot make one).
 */
import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { auditInTab } from './tab-audit';
import { BatchWorker } from './worker';

const KEEP_ALIVE_ALARM = 'tthc-batch-keep-alive';

async function ensureWindow(windowId: number | null): Promise<number | undefined> {
  if (windowId !== null) {
    const existing = await browser.windows.get(windowId).catch(() => null);
    if (existing) return windowId;
  }
  try {
    const created = await browser.windows.create({ url: 'about:blank', focused: false, state: 'minimized' });
    return created?.id;
  } catch {
    const created = await browser.windows.create({ url: 'about:blank', focused: false }).catch(() => undefined);
    return created?.id;
  }
}

/** Sets up the batch worker; returns the message handlers to add to the background's router. */
export function installBatch(): Handlers {
  let ticker: ReturnType<typeof setInterval> | undefined;
  const worker = new BatchWorker({
    auditPage: (url, options) => auditInTab(url, options),
    ensureWindow,
    closeWindow: async (id) => void (await browser.windows.remove(id)),
    closeTab: async (id) => void (await browser.tabs.remove(id)),
    keepAlive: async (on) => {
      // Chrome stops a service worker after 30 s without an extension event or API call; a page
      // waited on for longer (a long time limit, concurrency 1) would otherwise lose the worker
      // and be asked again for ever. So while a batch runs, a cheap API call every 20 s; and the
      // alarm (30 s, the shortest period Chrome allows) wakes a worker stopped anyway.
      if (ticker !== undefined) clearInterval(ticker);
      ticker = on ? setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), 20_000) : undefined;
      if (on) await browser.alarms.create(KEEP_ALIVE_ALARM, { periodInMinutes: 0.5 });
      else await browser.alarms.clear(KEEP_ALIVE_ALARM);
    },
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === KEEP_ALIVE_ALARM) void worker.rehydrate();
  });
  browser.runtime.onStartup.addListener(() => void worker.rehydrate());
  void worker.rehydrate();
  return {
    'batch/start': (message) => worker.start(message),
    'batch/control': (message) => worker.control(message.action),
  };
}
