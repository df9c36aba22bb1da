import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeEventsCommand,
  DescribePlatformVersionCommand,
  ElasticBeanstalkClient,
  EventDescription,
  EventSeverity,
} from '@aws-sdk/client-elastic-beanstalk';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { Clock } from '../../src/lib/clock';

export const PLATFORM_ARN = 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web/1.0.0';
export const AMI = 'ami-0123456789abcdef0';

export interface ScheduledEvent {
  /** When the event happened, ms after the build started. */
  at: number;
  /** When the service starts returning it (later than `at` for a late event). */
  visibleAt?: number;
  severity?: string;
  message: string;
}

export interface BuildScript {
  /** ms after start when the status turns Ready or Failed; never when undefined. */
  endsAt?: number;
  outcome?: 'Ready' | 'Failed';
  events?: ScheduledEvent[];
  /** Ignore StartTime and return every event on every call, as a sloppy service might. */
  repeatAll?: boolean;
  /** Page size for DescribeEvents. */
  pageSize?: number;
  /** ms after start during which every call is throttled. */
  throttleUntil?: number;
  /** ms after Ready before DescribeImages reports the AMI available. */
  amiDelay?: number;
  /** What DescribeImages reports for the AMI once it is no longer pending. */
  amiState?: string;
  /** Packer's output in the build's CloudWatch Logs stream; the stream does not exist when undefined. */
  packerLog?: string[];
}

/** The events of a successful build, as Elastic Beanstalk words them. */
export function successEvents(endsAt: number): ScheduledEvent[] {
  return [
    { at: 1_000, message: "Initiated platform version creation for 'web/1.0.0'." },
    { at: 2_000, message: "Creating Packer builder environment 'eb-custom-platform-builder-packer'." },
    { at: 240_000, message: 'Starting Packer building task.' },
    { at: 241_000, message: "Creating CloudWatch log group '/aws/elasticbeanstalk/platform/web'." },
    { at: endsAt - 60_000, message: `Successfully built AMI(s): '${AMI}' for 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web/1.0.0'` },
    { at: endsAt - 1_000, message: "Successfully created platform version 'web/1.0.0'." },
  ];
}

/** The events of a failed build, in the order real transcripts show them (public transcripts of real `ebp create` runs): generic ERRORs after Packer's, the verdict INFO. */
export function failureEvents(endsAt: number): ScheduledEvent[] {
  const saved = "'packer build' failed, the build log has been saved to '/var/log/packer-builder/web:1.0.0-builder.log'";
  return [
    { at: 1_000, message: "Initiated platform version creation for 'web/1.0.0'." },
    { at: 2_000, message: "Creating Packer builder environment 'eb-custom-platform-builder-packer'." },
    { at: 240_000, message: 'Starting Packer building task.' },
    { at: 241_000, message: "Creating CloudWatch log group '/aws/elasticbeanstalk/platform/web'." },
    { at: endsAt - 5_000, severity: 'ERROR', message: saved },
    { at: endsAt - 4_000, severity: 'ERROR', message: 'Packer failed with error: [Build "ebpacker" errored: Script exited with non-zero exit status: 100]' },
    {
      at: endsAt - 3_000,
      severity: 'ERROR',
      message: `[Instance: i-0b4b0b7d5a1e2f3c4] Command failed on instance. Return code: 1 Output: ${saved}. Hook /opt/elasticbeanstalk/hooks/packerbuild/build.rb failed. For more detail, check /var/log/eb-activity.log using console or EB CLI.`,
    },
    { at: endsAt - 2_000, severity: 'ERROR', message: "Unsuccessful command execution on instance id(s) 'i-0b4b0b7d5a1e2f3c4'. Aborting the operation." },
    { at: endsAt - 1_000, severity: 'INFO', message: "Failed to create platform version 'web/1.0.0'." },
  ];
}

const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 }, $retryable: { throttling: true } });

/** A platform build on a clock, behind mocked Elastic Beanstalk and EC2 clients; counts every call. */
export function simulateBuild(clock: Clock, script: BuildScript) {
  const start = clock.now();
  const eb = mockClient(ElasticBeanstalkClient);
  const ec2 = mockClient(EC2Client);
  const calls: Record<string, number> = {};
  const count = (op: string) => {
    calls[op] = (calls[op] ?? 0) + 1;
  };
  const elapsed = () => clock.now() - start;
  const status = () => (script.endsAt !== undefined && elapsed() >= script.endsAt ? (script.outcome ?? 'Ready') : 'Creating');
  const events = script.events ?? (script.endsAt !== undefined ? (script.outcome === 'Failed' ? failureEvents : successEvents)(script.endsAt) : []);

  eb.on(DescribePlatformVersionCommand).callsFake(() => {
    count('DescribePlatformVersion');
    if (script.throttleUntil && elapsed() < script.throttleUntil) throw throttled();
    const s = status();
    return {
      PlatformDescription: {
        PlatformArn: PLATFORM_ARN,
        PlatformName: 'web',
        PlatformVersion: '1.0.0',
        PlatformStatus: s,
        CustomAmiList:
          s === 'Ready'
            ? [
                { VirtualizationType: 'pv', ImageId: 'ami-00000000pv' },
                { VirtualizationType: 'hvm', ImageId: AMI },
              ]
            : [],
      },
    };
  });
  eb.on(DescribeEventsCommand).callsFake((input) => {
    count('DescribeEvents');
    if (script.throttleUntil && elapsed() < script.throttleUntil) throw throttled();
    const from = script.repeatAll || !input.StartTime ? -Infinity : input.StartTime.getTime();
    const visible: EventDescription[] = events
      .filter((e) => (e.visibleAt ?? e.at) <= elapsed() && start + e.at >= from)
      .sort((a, b) => b.at - a.at)
      .map((e) => ({ EventDate: new Date(start + e.at), Severity: (e.severity ?? 'INFO') as EventSeverity, Message: e.message, PlatformArn: PLATFORM_ARN }));
    const size = script.pageSize ?? 1000;
    const offset = input.NextToken ? Number(input.NextToken) : 0;
    const page = visible.slice(offset, offset + size);
    return { Events: page, NextToken: offset + size < visible.length ? String(offset + size) : undefined };
  });
  ec2.on(DescribeImagesCommand).callsFake(() => {
    count('DescribeImages');
    const readyFor = script.endsAt === undefined ? -1 : elapsed() - script.endsAt;
    if (readyFor < 0) return { Images: [] };
    return { Images: [{ ImageId: AMI, State: readyFor >= (script.amiDelay ?? 0) ? (script.amiState ?? 'available') : 'pending' }] };
  });
  const logs = mockClient(CloudWatchLogsClient);
  logs.on(GetLogEventsCommand).callsFake((input) => {
    count('GetLogEvents');
    if (!script.packerLog || input.logGroupName !== '/aws/elasticbeanstalk/platform/web' || input.logStreamName !== '1.0.0') {
      throw Object.assign(new Error('The specified log stream does not exist.'), { name: 'ResourceNotFoundException' });
    }
    return { events: script.packerLog.slice(-(input.limit ?? 10_000)).map((message, i) => ({ timestamp: start + i, message })) };
  });

  return {
    eb,
    ec2,
    calls,
    totalCalls: () => Object.values(calls).reduce((a, b) => a + b, 0),
    start,
    logs,
    restore: () => {
      eb.restore();
      ec2.restore();
      logs.restore();
    },
  };
}
