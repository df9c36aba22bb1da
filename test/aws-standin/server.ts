/**
 * An AWS stand-in on 127.0.0.1 for the action's tests: Elastic Beanstalk and
 * EC2 over their query protocols, S3 PutObject over REST, reached by the real
 * SDK clients through AWS_ENDPOINT_URL. It keeps what it is asked to create,
 * runs a platform build on a compressed clock, and injects faults on request.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { toXml, XmlValue } from './xml';

export type FaultKind = 'throttle' | '5xx' | 'drop' | 'slow' | 'hang' | 'fail-build' | 'deny';

export interface Fault {
  /** Operation name, e.g. CreatePlatformVersion or PutObject. */
  action: string;
  kind: FaultKind;
  /** How many matching calls it hits (default 1); Infinity for all. */
  times?: number;
  /** Matching calls to let through first. */
  skip?: number;
  /** For slow and hang: how long to hold the answer (hang: until released or this long). */
  delayMs?: number;
}

interface PlatformVersion {
  arn: string;
  name: string;
  version: string;
  created: number;
  status: 'Creating' | 'Ready' | 'Failed' | 'Deleted';
  fails: boolean;
  events: { at: number; severity: string; message: string }[];
  ami: string;
}

interface Environment {
  id: string;
  name: string;
  status: 'Launching' | 'Ready' | 'Terminating' | 'Terminated';
  changedAt: number;
}

interface Instance {
  id: string;
  token: string;
  groups: string[];
  state: 'pending' | 'running' | 'shutting-down' | 'terminated';
  changedAt: number;
  tags: Record<string, string>;
}

export interface StandinOptions {
  /** How long a platform build takes, in real ms. */
  buildMs?: number;
  account?: string;
  region?: string;
  /** The address instances get (the tests point SSH at a loopback port). */
  instanceAddress?: string;
  /**
   * Called with each imported public key, so a test's sshd or VM can accept
   * it; ImportKeyPair answers once it settles, as an instance launched after
   * the import would already have the key.
   */
  onKeyImported?: (publicKey: string) => void | Promise<void>;
}

const EB_XMLNS = 'http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/';
const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** `Prefix.member.N.Field` / `Prefix.N.Field` query parameters as arrays of records. */
function list(params: URLSearchParams, prefix: string): Record<string, string>[] {
  const items = new Map<number, Record<string, string>>();
  for (const [k, v] of params) {
    const m = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(?:member\\.)?(\\d+)(?:\\.(.*))?$`).exec(k);
    if (!m) continue;
    const item = items.get(Number(m[1])) ?? {};
    item[m[2] ?? ''] = v;
    items.set(Number(m[1]), item);
  }
  return [...items.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

function values(item: Record<string, string>, prefix: string): string[] {
  return Object.entries(item)
    .filter(([k]) => new RegExp(`^${prefix}\\.(?:member\\.)?\\d+$`).test(k))
    .map(([, v]) => v);
}

export async function startStandin(options: StandinOptions = {}) {
  const account = options.account ?? '123456789012';
  const region = options.region ?? 'eu-west-1';
  const buildMs = options.buildMs ?? 1500;
  const bucket = `elasticbeanstalk-${region}-${account}`;
  const objects = new Map<string, { sha256: string; bytes: number }>();
  const platforms = new Map<string, PlatformVersion>();
  const environments = new Map<string, Environment>();
  const keyPairs = new Map<string, string>();
  const groups = new Map<string, { name: string; vpcId: string; ingress: number[] }>();
  const instances = new Map<string, Instance>();
  const images = new Map<string, { state: string; tags: Record<string, string> }>();
  let consoleText = '';
  const faults: (Fault & { seen: number; hit: number })[] = [];
  const seen: { service: string; action: string; at: number }[] = [];
  const waiters: { action: string; resolve: () => void }[] = [];
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  let n = 0;
  const id = (prefix: string, len = 17) => `${prefix}-${randomBytes(12).toString('hex').slice(0, len)}`;

  /** Moves everything along the compressed clock. */
  function tick(): void {
    const now = Date.now();
    for (const p of platforms.values()) {
      if (p.status !== 'Creating' || now - p.created < buildMs) continue;
      p.status = p.fails ? 'Failed' : 'Ready';
      if (!p.fails) images.set(p.ami, { state: 'available', tags: { eb_platform_name: p.name, eb_platform_version: p.version, eb_platform_arn: p.arn } });
    }
    for (const e of environments.values()) {
      if (e.status === 'Launching' && now - e.changedAt > 200) Object.assign(e, { status: 'Ready', changedAt: now });
      if (e.status === 'Terminating' && now - e.changedAt > 200) Object.assign(e, { status: 'Terminated', changedAt: now });
    }
    for (const i of instances.values()) {
      if (i.state === 'pending' && now - i.changedAt > 300) Object.assign(i, { state: 'running', changedAt: now });
      if (i.state === 'shutting-down' && now - i.changedAt > 300) Object.assign(i, { state: 'terminated', changedAt: now });
    }
  }

  function buildEvents(p: PlatformVersion): PlatformVersion['events'] {
    const at = (f: number) => p.created + Math.round(buildMs * f);
    const start = [
      { at: at(0), severity: 'INFO', message: `Initiated platform version creation for '${p.name}/${p.version}'.` },
      { at: at(0.05), severity: 'INFO', message: "Creating Packer builder environment 'eb-custom-platform-builder-packer'." },
      { at: at(0.3), severity: 'INFO', message: 'Starting Packer building task.' },
      { at: at(0.31), severity: 'INFO', message: `Creating CloudWatch log group '/aws/elasticbeanstalk/platform/${p.name}'.` },
    ];
    const end = p.fails
      ? [
          { at: at(0.97), severity: 'ERROR', message: `'packer build' failed, the build log has been saved to '/var/log/packer-builder/${p.name}:${p.version}-builder.log'` },
          { at: at(0.98), severity: 'ERROR', message: 'Packer failed with error: [Build "ebpacker" errored: Script exited with non-zero exit status: 100]' },
          { at: at(0.99), severity: 'ERROR', message: `Failed to create platform version '${p.name}/${p.version}'.` },
        ]
      : [
          { at: at(0.9), severity: 'INFO', message: `Successfully built AMI(s): '${p.ami}' for '${p.arn}'` },
          { at: at(0.99), severity: 'INFO', message: `Successfully created platform version '${p.name}/${p.version}'.` },
        ];
    return [...start, ...end];
  }

  const eb: Record<string, (p: URLSearchParams) => XmlValue> = {
    CreateStorageLocation: () => ({ S3Bucket: bucket }),
    ListPlatformVersions: (p) => {
      const filters = list(p, 'Filters').map((f) => ({ type: f.Type, op: f.Operator, values: values(f, 'Values') }));
      const all = [...platforms.values()].filter((v) =>
        filters.every((f) => {
          const field = { PlatformName: v.name, PlatformVersion: v.version, PlatformStatus: v.status, PlatformOwner: 'Self' }[f.type as string];
          return field === undefined || f.values.includes(field);
        }),
      );
      const size = Number(p.get('MaxRecords') ?? 100);
      const offset = Number(p.get('NextToken') ?? 0);
      const page = all.slice(offset, offset + size);
      return {
        PlatformSummaryList: page.map((v) => ({ PlatformArn: v.arn, PlatformStatus: v.status, PlatformVersion: v.version, PlatformOwner: account })),
        NextToken: offset + size < all.length ? String(offset + size) : undefined,
      };
    },
    CreatePlatformVersion: (p) => {
      const name = p.get('PlatformName') ?? '';
      const version = p.get('PlatformVersion') ?? '';
      const key = `${p.get('PlatformDefinitionBundle.S3Bucket')}/${p.get('PlatformDefinitionBundle.S3Key')}`;
      if (!objects.has(key)) throw new ApiError('InvalidParameterValue', `The platform definition archive s3://${key} does not exist.`);
      const arn = `arn:aws:elasticbeanstalk:${region}:${account}:platform/${name}/${version}`;
      if ([...platforms.values()].some((v) => v.arn === arn && v.status !== 'Deleted')) throw new ApiError('InvalidParameterValue', `Platform version ${name}/${version} already exists.`);
      const fails = takeFault('CreatePlatformVersion', 'fail-build') !== undefined;
      const pv: PlatformVersion = { arn, name, version, created: Date.now(), status: 'Creating', fails, events: [], ami: `ami-${randomBytes(8).toString('hex')}` };
      pv.events = buildEvents(pv);
      platforms.set(arn, pv);
      let builder = [...environments.values()].find((e) => e.name === 'eb-custom-platform-builder-packer' && e.status !== 'Terminated');
      if (!builder) {
        builder = { id: id('e', 10), name: 'eb-custom-platform-builder-packer', status: 'Launching', changedAt: Date.now() };
        environments.set(builder.id, builder);
      }
      return {
        PlatformSummary: { PlatformArn: arn, PlatformStatus: 'Creating', PlatformVersion: version },
        Builder: { ARN: `arn:aws:elasticbeanstalk:${region}:${account}:environment/Custom Platform Builder/${builder.name}` },
      };
    },
    DescribePlatformVersion: (p) => {
      const v = platforms.get(p.get('PlatformArn') ?? '');
      if (!v) throw new ApiError('InvalidParameterValue', 'No Platform found');
      return {
        PlatformDescription: {
          PlatformArn: v.arn,
          PlatformName: v.name,
          PlatformVersion: v.version,
          PlatformStatus: v.status,
          CustomAmiList: v.status === 'Ready' ? [{ VirtualizationType: 'hvm', ImageId: v.ami }] : [],
        },
      };
    },
    DescribeEvents: (p) => {
      const v = platforms.get(p.get('PlatformArn') ?? '');
      const from = p.get('StartTime') ? Date.parse(p.get('StartTime') as string) : 0;
      const events = (v?.events ?? []).filter((e) => e.at <= Date.now() && e.at >= from).sort((a, b) => b.at - a.at);
      return { Events: events.map((e) => ({ EventDate: new Date(e.at), Message: e.message, Severity: e.severity, PlatformArn: v?.arn })) };
    },
    DescribeEnvironments: (p) => {
      const names = values(Object.fromEntries(p), 'EnvironmentNames');
      const envs = [...environments.values()].filter((e) => (!names.length || names.includes(e.name)) && e.status !== 'Terminated');
      return { Environments: envs.map((e) => ({ EnvironmentId: e.id, EnvironmentName: e.name, ApplicationName: 'Custom Platform Builder', Status: e.status })) };
    },
    TerminateEnvironment: (p) => {
      const e = environments.get(p.get('EnvironmentId') ?? '') ?? [...environments.values()].find((x) => x.name === p.get('EnvironmentName'));
      if (!e || e.status === 'Terminated') throw new ApiError('InvalidParameterValue', `No Environment found for EnvironmentId = '${p.get('EnvironmentId')}'.`);
      if (e.status === 'Launching') throw new ApiError('InvalidParameterValue', `Environment named ${e.name} is in an invalid state for this operation. Must be Ready.`);
      Object.assign(e, { status: 'Terminating', changedAt: Date.now() });
      return { EnvironmentId: e.id, EnvironmentName: e.name, Status: 'Terminating' };
    },
  };

  const ec2: Record<string, (p: URLSearchParams) => XmlValue | Promise<XmlValue>> = {
    DescribeImages: (p) => {
      const ids = list(p, 'ImageId').map((x) => x['']);
      const found = ids.filter((i) => images.has(i));
      if (ids.length && !found.length) throw new ApiError('InvalidAMIID.NotFound', `The image id '[${ids.join(', ')}]' does not exist`);
      return { imagesSet: found.map((i) => ({ imageId: i, imageState: images.get(i)?.state })) };
    },
    ImportKeyPair: async (p) => {
      const name = p.get('KeyName') ?? '';
      if (keyPairs.has(name)) throw new ApiError('InvalidKeyPair.Duplicate', `The keypair already exists`);
      keyPairs.set(name, id('key'));
      await options.onKeyImported?.(Buffer.from(p.get('PublicKeyMaterial') ?? '', 'base64').toString('utf8'));
      return { keyName: name, keyFingerprint: 'aa:bb', keyPairId: keyPairs.get(name) };
    },
    DeleteKeyPair: (p) => (keyPairs.delete(p.get('KeyName') ?? ''), { return: true }),
    DescribeVpcs: () => ({ vpcSet: [{ vpcId: 'vpc-0f1e2d3c4b5a69788', isDefault: true, state: 'available' }] }),
    DescribeSubnets: (p) => {
      const want = list(p, 'SubnetId').map((x) => x[''])[0];
      if (want && want !== 'subnet-0a1b2c3d4e5f60718') throw new ApiError('InvalidSubnetID.NotFound', `The subnet ID '${want}' does not exist`);
      return { subnetSet: [{ subnetId: 'subnet-0a1b2c3d4e5f60718', vpcId: 'vpc-0f1e2d3c4b5a69788' }] };
    },
    CreateSecurityGroup: (p) => {
      const name = p.get('GroupName') ?? '';
      if ([...groups.values()].some((g) => g.name === name)) throw new ApiError('InvalidGroup.Duplicate', `The security group '${name}' already exists`);
      const gid = id('sg');
      groups.set(gid, { name, vpcId: p.get('VpcId') ?? 'vpc-0f1e2d3c4b5a69788', ingress: [] });
      return { return: true, groupId: gid };
    },
    AuthorizeSecurityGroupIngress: (p) => {
      const g = groups.get(p.get('GroupId') ?? '');
      if (!g) throw new ApiError('InvalidGroup.NotFound', 'no such group');
      g.ingress.push(...list(p, 'IpPermissions').map((x) => Number(x.FromPort)));
      return { return: true };
    },
    DescribeSecurityGroups: (p) => {
      const filters = list(p, 'Filter').map((f) => ({ name: f.Name, values: values(f, 'Value') }));
      const match = [...groups].filter(([gid, g]) =>
        filters.every((f) => ({ 'group-name': g.name, 'vpc-id': g.vpcId, 'group-id': gid })[f.name as string] === undefined || f.values.includes({ 'group-name': g.name, 'vpc-id': g.vpcId, 'group-id': gid }[f.name as string] as string)),
      );
      return { securityGroupInfo: match.map(([gid, g]) => ({ groupId: gid, groupName: g.name, vpcId: g.vpcId })) };
    },
    DeleteSecurityGroup: (p) => {
      const gid = p.get('GroupId') ?? '';
      if (!groups.has(gid)) throw new ApiError('InvalidGroup.NotFound', `The security group '${gid}' does not exist`);
      if ([...instances.values()].some((i) => i.groups.includes(gid) && i.state !== 'terminated')) throw new ApiError('DependencyViolation', `resource ${gid} has a dependent object`);
      groups.delete(gid);
      return { return: true };
    },
    RunInstances: (p) => {
      const token = p.get('ClientToken') ?? '';
      const existing = [...instances.values()].find((i) => i.token === token && token);
      const inst =
        existing ??
        ((): Instance => {
          const sgs = [...list(p, 'SecurityGroupId').map((x) => x['']), ...list(p, 'NetworkInterface').flatMap((x) => values(x, 'SecurityGroupId'))];
          const tags: Record<string, string> = {};
          for (const spec of list(p, 'TagSpecification')) for (const [k, v] of Object.entries(spec)) if (/^Tag\.\d+\.Key$/.test(k)) tags[v] = spec[k.replace(/Key$/, 'Value')] ?? '';
          const i: Instance = { id: id('i'), token, groups: sgs, state: 'pending', changedAt: Date.now(), tags };
          instances.set(i.id, i);
          return i;
        })();
      return { reservationId: 'r-0standin', ownerId: account, instancesSet: [{ instanceId: inst.id, instanceState: { code: 0, name: inst.state } }] };
    },
    DescribeInstances: (p) => {
      const ids = list(p, 'InstanceId').map((x) => x['']);
      const filters = list(p, 'Filter').map((f) => ({ name: f.Name, values: values(f, 'Value') }));
      for (const i of ids) if (!instances.has(i)) throw new ApiError('InvalidInstanceID.NotFound', `The instance ID '${i}' does not exist`);
      const match = [...instances.values()].filter((i) => (!ids.length || ids.includes(i.id)) && filters.every((f) => f.name !== 'client-token' || f.values.includes(i.token)));
      return {
        reservationSet: match.length
          ? [{ reservationId: 'r-0standin', instancesSet: match.map((i) => ({ instanceId: i.id, instanceState: { code: 16, name: i.state }, ipAddress: i.state === 'running' ? options.instanceAddress ?? '127.0.0.1' : undefined })) }]
          : [],
      };
    },
    TerminateInstances: (p) => {
      const ids = list(p, 'InstanceId').map((x) => x['']);
      for (const i of ids) if (!instances.has(i)) throw new ApiError('InvalidInstanceID.NotFound', `The instance ID '${i}' does not exist`);
      for (const i of ids) {
        const inst = instances.get(i) as Instance;
        if (inst.state !== 'terminated') Object.assign(inst, { state: 'shutting-down', changedAt: Date.now() });
      }
      return { instancesSet: ids.map((i) => ({ instanceId: i, currentState: { name: instances.get(i)?.state } })) };
    },
    GetConsoleOutput: (p) => ({ instanceId: p.get('InstanceId'), timestamp: new Date(), output: Buffer.from(consoleText).toString('base64') }),
  };

  function takeFault(action: string, kind?: FaultKind): Fault | undefined {
    for (const f of faults) {
      if (f.action !== action || (kind && f.kind !== kind) || (!kind && f.kind === 'fail-build')) continue;
      f.seen++;
      if (f.seen <= (f.skip ?? 0) || f.hit >= (f.times ?? 1)) continue;
      f.hit++;
      return f;
    }
    return undefined;
  }

  function errorBody(service: string, code: string, message: string, requestId: string): string {
    return service === 'ec2'
      ? `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`
      : `<ErrorResponse xmlns="${EB_XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    tick();
    const url = new URL(req.url ?? '/', 'http://standin');
    let service: string;
    let action: string;
    let params = new URLSearchParams();
    if (req.method === 'POST' && url.pathname === '/') {
      params = new URLSearchParams(body.toString('utf8'));
      action = params.get('Action') ?? '';
      service = params.get('Version') === '2010-12-01' ? 'elasticbeanstalk' : 'ec2';
    } else {
      service = 's3';
      action = req.method === 'PUT' ? 'PutObject' : req.method === 'HEAD' ? 'HeadObject' : `${req.method}Object`;
    }
    seen.push({ service, action, at: Date.now() });
    for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i].action === action) waiters.splice(i, 1)[0].resolve();
    const requestId = `${++n}-${randomBytes(4).toString('hex')}`;

    const fault = takeFault(action);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 2000));
    if (fault?.kind === 'hang') await new Promise<void>((r) => (held.push(r), setTimeout(r, fault.delayMs ?? 60_000)));
    if (fault?.kind === 'throttle') {
      const code = service === 'ec2' ? 'RequestLimitExceeded' : service === 's3' ? 'SlowDown' : 'Throttling';
      res.writeHead(service === 'ec2' || service === 's3' ? 503 : 400, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(service === 's3' ? `<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>${requestId}</RequestId></Error>` : errorBody(service, code, 'Rate exceeded', requestId));
      return;
    }
    if (fault?.kind === '5xx') {
      res.writeHead(500, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(service === 's3' ? `<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>` : errorBody(service, 'InternalFailure', 'The request processing has failed because of an unknown error.', requestId));
      return;
    }
    if (fault?.kind === 'deny') {
      res.writeHead(403, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(service === 's3' ? `<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>` : errorBody(service, service === 'ec2' ? 'UnauthorizedOperation' : 'InsufficientPrivilegesException', `not authorized to perform ${service}:${action}`, requestId));
      return;
    }

    if (service === 's3') {
      const key = decodeURIComponent(url.pathname.slice(1));
      if (req.method !== 'PUT') {
        res.writeHead(objects.has(key) ? 200 : 404).end();
        return;
      }
      if (!key.startsWith(`${bucket}/`)) {
        res.writeHead(404, { 'content-type': 'application/xml' }).end(`<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>`);
        return;
      }
      const sha = createHash('sha256').update(body).digest('base64');
      const claimed = req.headers['x-amz-checksum-sha256'];
      if (claimed && claimed !== sha && req.headers['content-encoding'] !== 'aws-chunked') {
        res.writeHead(400, { 'content-type': 'application/xml' }).end(`<Error><Code>BadDigest</Code><Message>The SHA256 you specified did not match the calculated checksum.</Message></Error>`);
        return;
      }
      objects.set(key, { sha256: sha, bytes: body.length });
      res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"`, 'x-amz-checksum-sha256': sha }).end();
      return;
    }

    const handler = (service === 'ec2' ? ec2 : eb)[action];
    try {
      if (!handler) throw new ApiError('InvalidAction', `The action ${action} is not valid for this web service.`);
      const result = await handler(params);
      const xml =
        service === 'ec2'
          ? `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${EC2_XMLNS}"><requestId>${requestId}</requestId>${toXml(result, 'item')}</${action}Response>`
          : `<${action}Response xmlns="${EB_XMLNS}"><${action}Result>${toXml(result, 'member')}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
      res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(xml);
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError('InternalFailure', String(error), 500);
      res.writeHead(e.status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(errorBody(service, e.code, e.message, requestId));
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((e) => {
        if (!res.headersSent) res.writeHead(500).end(String(e));
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    bucket,
    seen,
    addFault: (f: Fault) => faults.push({ ...f, seen: 0, hit: 0 }),
    setConsole: (text: string) => (consoleText = text),
    /** Resolves when the stand-in receives the named operation. */
    waitFor: (action: string) => new Promise<void>((resolve) => waiters.push({ action, resolve })),
    releaseHeld: () => held.splice(0).forEach((r) => r()),
    /** What a run created and did not remove. */
    leftovers(): string[] {
      tick();
      return [
        ...[...environments.values()].filter((e) => e.status !== 'Terminated' && e.status !== 'Terminating').map((e) => `builder environment ${e.name} (${e.status})`),
        ...[...instances.values()].filter((i) => i.state !== 'terminated' && i.state !== 'shutting-down').map((i) => `instance ${i.id} (${i.state})`),
        ...[...groups].map(([gid]) => `security group ${gid}`),
        ...[...keyPairs.keys()].map((k) => `key pair ${k}`),
      ];
    },
    platforms: () => [...platforms.values()].map((p) => ({ arn: p.arn, status: p.status })),
    instances: () => [...instances.values()],
    stop: () =>
      new Promise<void>((resolve) => {
        held.splice(0).forEach((r) => r());
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

export type Standin = Awaited<ReturnType<typeof startStandin>>;
