/**
 * How long a batch waits for a page's server to start answering (the response headers; with
 * --render, a response to the page's request), apart from the time the whole page may take
 * (`--timeout`). A link whose server never answers
 * (a hung application behind a live web server: real portals have them) would otherwise hold one
 * of the `--concurrency` slots for the whole time limit. With `--answer-timeout auto` (the
 * default) the wait is learnt per host: until MIN_ANSWERS answers from that host have been timed,
 * the whole `--timeout`; then FACTOR times the time within which it answered 90% of its pages, at
 * least FLOOR_MS, never more than `--timeout`. A portal that answers in 0.2 s gets 3 s; one that
 * takes 1.5 s gets 15 s; a slow big page that has started answering still gets the whole time.
 * A number fixes the wait for every host. Only the last WINDOW answers per host are kept.
 */
const MIN_ANSWERS = 10;
const FACTOR = 10;
const FLOOR_MS = 3_000;
const WINDOW = 200;

export interface AnswerDeadline {
  /** Milliseconds to wait for `url`'s server to start answering. */
  forUrl(url: string): number;
  /** Records how long `url`'s server took to start answering. */
  answered(url: string, ms: number): void;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * `onLearnt(host, p90Ms, deadlineMs)` is called once per host, when the learnt wait first applies
 * (the CLI says it on stderr, so a user knows why a page was counted as timed out).
 */
export function createAnswerDeadline(
  setting: number | 'auto',
  timeoutS: number,
  onLearnt?: (host: string, p90Ms: number, deadlineMs: number) => void,
): AnswerDeadline {
  const totalMs = timeoutS * 1000;
  if (setting !== 'auto') {
    const fixed = Math.min(totalMs, setting * 1000);
    return { forUrl: () => fixed, answered: () => {} };
  }
  const samples = new Map<string, number[]>();
  const told = new Set<string>();
  return {
    forUrl(url) {
      const host = hostOf(url);
      const times = samples.get(host);
      if (!times || times.length < MIN_ANSWERS) return totalMs;
      const sorted = [...times].sort((a, b) => a - b);
      const p90 = sorted[Math.ceil(sorted.length * 0.9) - 1]!;
      const deadline = Math.min(totalMs, Math.max(FLOOR_MS, FACTOR * p90));
      if (!told.has(host)) {
        told.add(host);
        onLearnt?.(host, p90, deadline);
      }
      return deadline;
    },
    answered(url, ms) {
      const host = hostOf(url);
      const times = samples.get(host) ?? [];
      times.push(ms);
      if (times.length > WINDOW) times.shift();
      samples.set(host, times);
    },
  };
}
