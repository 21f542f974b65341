/**
 * Chromium performance traces of one page, for the widget's main-thread measures (the long-task
 * e2e test and `npm run bench:widget`): the timeline categories both read, and the complete events
 * of the renderer's main thread, whose thread time (`tdur`) does not count what other processes of
 * a busy machine take.
 */
import type { Browser, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time (CPU time the thread ran), when the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; isMainFrame?: boolean; startTime?: number } };
}

export function startTrace(browser: Browser, page: Page): Promise<void> {
  return browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
}

/** Stops the trace: every event, and the complete ('X') events of the renderer's main thread. */
export async function stopTrace(browser: Browser): Promise<{ events: TraceEvent[]; onMain: TraceEvent[]; mainPid: number | undefined }> {
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && e.dur);
  return { events, onMain, mainPid: main?.pid };
}
