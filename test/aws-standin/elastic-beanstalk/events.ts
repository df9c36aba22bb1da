/**
 * A platform version's event log: the events its build records, stamped on the
 * stand-in's clock (a failed build's as real transcripts show them), and
 * DescribeEvents, which answers them a page at a time.
 */
import type { XmlValue } from '../xml';
import type { ElasticBeanstalkOptions, Platform } from '../elastic-beanstalk';

export interface BuildEvent {
  at: number;
  severity: 'INFO' | 'WARN' | 'ERROR';
  message: string;
}

/** Records a platform version's events on the stand-in's clock. */
export function eventLog(clock: () => number) {
  const event = (p: Platform, severity: BuildEvent['severity'], message: string) => p.events.push({ at: clock(), severity, message });

  /** A failed build's events, in the order real transcripts show them (public transcripts of real `ebp create` runs): the verdict's line is INFO. */
  function failBuild(p: Platform, env: { instanceId: string }, packerError: string): void {
    const saved = `'packer build' failed, the build log has been saved to '/var/log/packer-builder/${p.name}:${p.version}-builder.log'`;
    event(p, 'ERROR', saved);
    event(p, 'ERROR', `Packer failed with error: [${packerError}]`);
    event(
      p,
      'ERROR',
      `[Instance: ${env.instanceId}] Command failed on instance. Return code: 1 Output: ${saved}. Hook /opt/elasticbeanstalk/hooks/packerbuild/build.rb failed. For more detail, check /var/log/eb-activity.log using console or EB CLI.`,
    );
    event(p, 'ERROR', `Unsuccessful command execution on instance id(s) '${env.instanceId}'. Aborting the operation.`);
    event(p, 'INFO', `Failed to create platform version '${p.name}/${p.version}'.`);
    p.status = 'Failed';
  }

  return { event, failBuild };
}

/** DescribeEvents, over the platform versions' events. */
export function describeEvents(platforms: Map<string, Platform>, options: Pick<ElasticBeanstalkOptions, 'eventsIgnoreStartTime' | 'eventsPageSize'>) {
  return (p: URLSearchParams): XmlValue => {
    const v = platforms.get(p.get('PlatformArn') ?? '');
    const from = p.get('StartTime') && !options.eventsIgnoreStartTime ? Date.parse(p.get('StartTime') as string) : 0;
    // Newest first, as the service lists events.
    const events = (v?.events ?? []).filter((e) => e.at >= from).sort((a, b) => b.at - a.at);
    const size = Math.min(Number(p.get('MaxRecords') ?? 1000), options.eventsPageSize ?? Infinity);
    const offset = Number(p.get('NextToken') ?? 0);
    return {
      Events: events.slice(offset, offset + size).map((e) => ({ EventDate: new Date(e.at), Message: e.message, Severity: e.severity, PlatformArn: v?.arn })),
      NextToken: offset + size < events.length ? String(offset + size) : undefined,
    };
  };
}
