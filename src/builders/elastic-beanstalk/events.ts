import { DescribeEventsCommand, ElasticBeanstalkClient, EventDescription } from '@aws-sdk/client-elastic-beanstalk';
import type { Log } from '../../lib/log';
import { allPages } from '../../lib/paginate';

export interface BuildEvent {
  date: Date;
  severity: string;
  message: string;
}

/** How far back each poll looks again, so an event the service records late is still printed. */
const LOOKBACK_MS = 5 * 60 * 1000;
const TAIL = 20;
/** DescribeEvents' largest page (API model: MaxRecords 1–1000). */
const PAGE_SIZE = 1000;

export function formatEvent(e: BuildEvent): string {
  return `${e.date.toISOString()} ${e.severity.padEnd(5)} ${e.message}`;
}

/**
 * Streams a platform build's events into the log: each event once, in time
 * order within a poll, none lost when pages overlap, repeat or arrive late.
 */
export function createEventStream(eb: ElasticBeanstalkClient, platformArn: string, log: Log, since: Date) {
  const seen = new Set<string>();
  const tail: BuildEvent[] = [];
  let newest = since.getTime();

  const keyOf = (e: EventDescription) => `${e.EventDate?.toISOString()}|${e.Severity}|${e.RequestId ?? ''}|${e.Message}`;

  /** Fetches and prints the events not printed yet; returns them. */
  async function poll(): Promise<BuildEvent[]> {
    const startTime = new Date(Math.max(since.getTime(), newest - LOOKBACK_MS));
    const fetched = await allPages('DescribeEvents', async (token) => {
      const page = await eb.send(new DescribeEventsCommand({ PlatformArn: platformArn, StartTime: startTime, MaxRecords: PAGE_SIZE, NextToken: token }));
      return { items: page.Events, next: page.NextToken };
    });

    const fresh: BuildEvent[] = [];
    for (const e of fetched) {
      const key = keyOf(e);
      if (seen.has(key)) continue;
      seen.add(key);
      fresh.push({ date: e.EventDate ?? new Date(0), severity: e.Severity ?? 'INFO', message: e.Message ?? '' });
    }
    fresh.sort((a, b) => a.date.getTime() - b.date.getTime());
    for (const e of fresh) {
      log.info(formatEvent(e));
      newest = Math.max(newest, e.date.getTime());
      tail.push(e);
      if (tail.length > TAIL) tail.shift();
    }
    return fresh;
  }

  return { poll, tail: () => [...tail] };
}

export type EventStream = ReturnType<typeof createEventStream>;

/** The AMI named in build events, for when the platform description does not list it. */
export function amiFromEvents(events: BuildEvent[]): string | undefined {
  for (const e of [...events].reverse()) {
    const m = /Successfully built AMI\(s\):\s*'?(ami-[0-9a-f]+)/.exec(e.message) ?? /Packer built AMIs?:\s*(ami-[0-9a-f]+)/.exec(e.message);
    if (m) return m[1];
  }
  return undefined;
}
