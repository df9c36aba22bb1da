/**
 * CloudWatch Logs' GetLogEvents (JSON protocol, Logs_20140328), for the build's
 * stream: Elastic Beanstalk writes Packer's output to group
 * /aws/elasticbeanstalk/platform/NAME, stream VERSION (the EB CLI's ebp logs, ebcli/operations/platformops.py).
 */
import { ApiError } from './protocol';

export function createLogs(now: () => number = Date.now) {
  const streams = new Map<string, { timestamp: number; message: string }[]>();
  const key = (group: string, stream: string) => `${group}\u0000${stream}`;
  return {
    append(group: string, stream: string, message: string) {
      const events = streams.get(key(group, stream)) ?? [];
      events.push({ timestamp: now(), message });
      streams.set(key(group, stream), events);
    },
    stream: (group: string, stream: string) => streams.get(key(group, stream))?.map((e) => e.message) ?? [],
    handlers: {
      GetLogEvents: (body: Record<string, unknown>) => {
        const events = streams.get(key(String(body.logGroupName), String(body.logStreamName)));
        if (!events) throw new ApiError('ResourceNotFoundException', 'The specified log stream does not exist.');
        // Newest `limit` events when reading from the end (startFromHead false, the default), oldest first within the page.
        const limit = Math.min(Number(body.limit ?? 10_000), 10_000);
        const page = body.startFromHead ? events.slice(0, limit) : events.slice(-limit);
        return {
          events: page.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.timestamp })),
          nextForwardToken: `f/${events.length}`,
          nextBackwardToken: `b/${Math.max(0, events.length - page.length)}`,
        };
      },
    } as Record<string, (body: Record<string, unknown>) => unknown>,
  };
}
