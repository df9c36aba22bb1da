/**
 * An AWS stand-in on 127.0.0.1 for the action's tests: Elastic Beanstalk, EC2
 * and IAM over their query protocols, CloudWatch Logs over JSON, S3 over REST,
 * reached by the real SDK clients through AWS_ENDPOINT_URL (and by Packer
 * through its template's custom_endpoint_ec2). It keeps what it is asked to
 * create, runs platform builds (simulated, or the real Packer against its own
 * EC2), and injects faults on request. Every behaviour cites its source; see
 * each service's module.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { createEc2, Ec2 } from './ec2';
import { BuildEngine, createElasticBeanstalk } from './elastic-beanstalk';
import { Fault, faultBook, faultError } from './faults';
import { createIam } from './iam';
import { createLogs } from './logs';
import { MachineBackend, simulatedMachines } from './machines';
import { ApiError, errorResponse, JSON_TARGETS, QUERY_VERSIONS, queryResponse, Service, signedRegion } from './protocol';
import { simulatedBuild } from './simulated-build';
import { AutoScaling, createAutoScaling } from './autoscaling';
import { createKms, Kms } from './kms';
import { createSsm, Ssm } from './ssm';

export type { Fault, FaultKind } from './faults';

export interface StandinOptions {
  /**
   * The stand-in's time, for every state that moves with it (instances, the builder, events, a
   * deregistered image's snapshot, an image copy, a parameter's image check): a test that gives the
   * action a virtual clock gives the stand-in the same one, so a wait of minutes passes at once on
   * both sides. A real Packer build still takes real time.
   */
  clock?: { now(): number };
  /** How long a simulated platform build takes, in the stand-in's ms. */
  buildMs?: number;
  /**
   * The image a simulated build registers: pending this long, then this state (available; or one
   * EC2 documents an image can end in, such as failed or invalid, or transient).
   */
  builtImage?: { delayMs?: number; state?: 'available' | 'invalid' | 'transient' | 'failed' | 'error' | 'disabled' };
  /** DescribeEvents ignoring StartTime (see elastic-beanstalk.ts). */
  eventsIgnoreStartTime?: boolean;
  account?: string;
  region?: string;
  /** The address simulated instances get (the tests point SSH at a loopback port). */
  instanceAddress?: string;
  /**
   * Called with each imported public key, so a test's sshd or VM can accept
   * it; ImportKeyPair answers once it settles, as an instance launched after
   * the import would already have the key.
   */
  onKeyImported?: (publicKey: string) => void | Promise<void>;
  /** How long the builder environment takes to launch, in the stand-in's ms. */
  builderLaunchMs?: number;
  /** How long after CreatePlatformVersion the builder is listed at all (see elastic-beanstalk.ts). */
  builderAppearsMs?: number;
  /** The most records a page of DescribeEvents or ListPlatformVersions holds. */
  pageSize?: number;
  /** What AbortEnvironmentUpdate does to a running build (undocumented; see elastic-beanstalk.ts). */
  abortUpdate?: 'kills-build' | 'refused' | 'ignored';
  /** The instance profiles that exist (IAM). */
  instanceProfiles?: string[];
  /** What runs behind instances; simulated machines by default. */
  machines?: (standin: { url: string; port: number }) => MachineBackend;
  /** What runs a platform build; a simulated build by default. */
  build?: (deps: { ec2: Ec2; account: string; region: string; url: string; bundle: (bucket: string, key: string) => Buffer | undefined }) => BuildEngine;
  /** Images to register at start (a base image standing in for Canonical's). */
  setup?: (ec2: Ec2) => void;
  /** Requests under /imds/ go here: the instances' metadata service (VM machines). */
  imds?: (req: http.IncomingMessage, res: http.ServerResponse, path: string) => void;
  /** How long an image copy stays pending, in the stand-in's ms. */
  copyMs?: number;
  /** How long a snapshot stays in use after its image is deregistered, in the stand-in's ms (see ec2/state.ts). */
  snapshotInUseMs?: number;
  /** EC2 as before DeregisterImage took DeleteAssociatedSnapshots. */
  noDeleteAssociatedSnapshots?: boolean;
  /** A user's own subnets besides the default one, in the stand-in's region (see ec2/state.ts). */
  subnets?: { subnetId: string; vpcId: string }[];
  /** EC2 from before DescribeImageReferences: it answers InvalidAction. */
  noImageReferences?: boolean;
}

/** The instance profile the EB CLI creates for the builder (guide: aws-elasticbeanstalk-custom-platform-ec2-role). */
const DEFAULT_PROFILES = ['aws-elasticbeanstalk-custom-platform-ec2-role'];

export async function startStandin(options: StandinOptions = {}) {
  const account = options.account ?? '123456789012';
  const now = options.clock ? () => options.clock!.now() : Date.now;
  const region = options.region ?? 'eu-west-1';
  const bucket = `elasticbeanstalk-${region}-${account}`;
  const objects = new Map<string, Buffer>();
  const faults = faultBook();
  const seen: { service: string; action: string; at: number; params: URLSearchParams; json?: Record<string, unknown>; headers: http.IncomingHttpHeaders }[] =
    [];
  const waiters: { action: string; resolve: () => void }[] = [];
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  let consoleText = '';
  let n = 0;

  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const machines = options.machines?.({ url, port }) ?? simulatedMachines({ address: options.instanceAddress, console: () => consoleText, now });
  /*
   * One EC2 and one parameter store per region, told apart by the region each request is signed for
   * (SigV4's credential scope): the SDK sends every region to the one AWS_ENDPOINT_URL. Instances run
   * in the build region; the others hold the image copies.
   */
  const ec2s = new Map<string, Ec2>();
  const ssms = new Map<string, Ssm>();
  const ec2In = (r: string): Ec2 =>
    inRegion(ec2s, r, () =>
      createEc2({
        now,
        account,
        region: r,
        machines,
        onKeyImported: options.onKeyImported,
        peer: ec2In,
        copyMs: options.copyMs,
        snapshotInUseMs: options.snapshotInUseMs,
        noDeleteAssociatedSnapshots: options.noDeleteAssociatedSnapshots,
        noImageReferences: options.noImageReferences,
        subnets: r === region ? options.subnets : undefined,
        imageParameters: () => ssmIn(r).imageParameters(),
        failCopy: () => faults.take('CopyImage', 'fail-copy') !== undefined,
        parameter: (name) => ssmIn(r).value(name),
      }),
    );
  const ssmIn = (r: string): Ssm =>
    inRegion(ssms, r, () =>
      createSsm({
        account,
        region: r,
        now,
        imageExists: (id) =>
          ec2In(r)
            .images()
            .some((i) => i.id === id && i.state !== 'deregistered'),
      }),
    );
  const kmss = new Map<string, Kms>();
  const kmsIn = (r: string): Kms => inRegion(kmss, r, () => createKms({ account, region: r }));
  const autoScalings = new Map<string, AutoScaling>();
  const autoScalingIn = (r: string): AutoScaling => inRegion(autoScalings, r, () => createAutoScaling({ account, region: r }));
  const ec2 = ec2In(region);
  options.setup?.(ec2);
  const logs = createLogs(now);
  const iam = createIam({ account, instanceProfiles: options.instanceProfiles ?? DEFAULT_PROFILES });
  const engine =
    options.build?.({ ec2, account, region, url, bundle: (b, k) => objects.get(`${b}/${k}`) }) ??
    simulatedBuild({ ec2, account, buildMs: options.buildMs ?? 1500, image: options.builtImage, now });
  const eb = createElasticBeanstalk({
    now,
    account,
    region,
    engine,
    builderLaunchMs: options.builderLaunchMs,
    builderAppearsMs: options.builderAppearsMs,
    bundleExists: (b, k) => objects.has(`${b}/${k}`),
    appendLog: (group, stream, line) => logs.append(group, stream, line),
    failBuild: () => faults.take('CreatePlatformVersion', 'fail-build') !== undefined,
    eventsPageSize: options.pageSize,
    eventsIgnoreStartTime: options.eventsIgnoreStartTime,
    abortUpdate: options.abortUpdate,
  });
  // The builder moves on its own clock too, not only when asked.
  const tickAll = () => {
    eb.tick();
    for (const s of ssms.values()) s.tick();
    for (const e of ec2s.values()) e.tick();
  };
  const ticker = setInterval(tickAll, 100);

  /** Which service and operation a request is, and its parameters. */
  function identify(
    req: http.IncomingMessage,
    body: Buffer,
    path: string,
  ): { service: Service; action: string; params: URLSearchParams; json?: Record<string, unknown> } {
    const target = req.headers['x-amz-target'];
    const json = typeof target === 'string' ? JSON_TARGETS[target.split('.')[0]] : undefined;
    if (typeof target === 'string' && json) {
      return { service: json, action: target.slice(target.indexOf('.') + 1), params: new URLSearchParams(), json: JSON.parse(body.toString('utf8') || '{}') };
    }
    if (req.method === 'POST' && path === '/') {
      const params = new URLSearchParams(body.toString('utf8'));
      const service = QUERY_VERSIONS[params.get('Version') ?? ''];
      if (!service) throw new ApiError('InvalidAction', `Unknown API version ${params.get('Version')}`);
      return { service, action: params.get('Action') ?? '', params };
    }
    const action = req.method === 'PUT' ? 'PutObject' : req.method === 'HEAD' ? 'HeadObject' : `${req.method === 'GET' ? 'Get' : req.method}Object`;
    return { service: 's3', action, params: new URLSearchParams() };
  }

  /** S3 over REST, path-style: PUT keeps the object (checking the SHA-256 the SDK sends), HEAD and GET read it. */
  function s3(req: http.IncomingMessage, path: string, body: Buffer): { status: number; headers: Record<string, string>; body?: Buffer } {
    const key = decodeURIComponent(path.slice(1));
    if (req.method === 'PUT') {
      if (!key.startsWith(`${bucket}/`)) throw new ApiError('NoSuchBucket', 'The specified bucket does not exist', 404);
      const sha = createHash('sha256').update(body).digest('base64');
      const claimed = req.headers['x-amz-checksum-sha256'];
      if (claimed && claimed !== sha && req.headers['content-encoding'] !== 'aws-chunked') {
        throw new ApiError('BadDigest', 'The SHA256 you specified did not match the calculated checksum.');
      }
      objects.set(key, body);
      return { status: 200, headers: { etag: `"${createHash('md5').update(body).digest('hex')}"`, 'x-amz-checksum-sha256': sha } };
    }
    const object = objects.get(key);
    if (!object) return { status: 404, headers: {} };
    return { status: 200, headers: { 'content-length': String(object.length) }, body: req.method === 'GET' ? object : undefined };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    tickAll();
    const path = new URL(req.url ?? '/', 'http://standin').pathname;
    if (path.startsWith('/imds/') && options.imds) return options.imds(req, res, path);
    const requestId = `${++n}-${randomBytes(4).toString('hex')}`;
    const requestRegion = signedRegion(req.headers.authorization) ?? region;
    let service: Service = 'ec2';
    try {
      const call = identify(req, body, path);
      service = call.service;
      seen.push({ service, action: call.action, at: now(), params: call.params, json: call.json, headers: req.headers });
      for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i].action === call.action) waiters.splice(i, 1)[0].resolve();

      const fault = faults.take(call.action);
      if (fault?.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 2000));
      if (fault?.kind === 'hang') await new Promise<void>((r) => (held.push(r), setTimeout(r, fault.delayMs ?? 60_000)));
      const refused = fault && faultError(service, call.action, fault);
      if (refused) throw refused;

      let payload: string | Buffer | undefined;
      let status = 200;
      let headers: Record<string, string> = { 'content-type': 'text/xml' };
      if (service === 's3') {
        ({ status, headers, body: payload } = s3(req, path, body));
      } else if (service === 'logs' || service === 'ssm' || service === 'kms') {
        const jsonHandlers = (service === 'logs' ? logs.handlers : service === 'kms' ? kmsIn(requestRegion).handlers : ssmIn(requestRegion).handlers) as Record<
          string,
          (body: Record<string, unknown>) => unknown
        >;
        const handler = fault?.kind === 'answer' ? () => fault.answer : jsonHandlers[call.action];
        if (!handler) throw new ApiError('UnknownOperationException', `${call.action} is not supported`);
        payload = JSON.stringify(handler(call.json ?? {}));
        headers = { 'content-type': 'application/x-amz-json-1.1' };
      } else {
        const handlers = {
          ec2: ec2In(requestRegion).handlers,
          elasticbeanstalk: eb.handlers,
          iam: iam.handlers,
          autoscaling: autoScalingIn(requestRegion).handlers,
        }[service] as Record<string, (p: URLSearchParams) => unknown>;
        const handler = fault?.kind === 'answer' ? () => fault.answer : handlers[call.action];
        if (!handler) throw new ApiError('InvalidAction', `The action ${call.action} is not valid for this web service.`);
        payload = queryResponse(service, call.action, (await handler(call.params)) as never, requestId);
      }
      // The service acted; the answer is lost on the way back.
      if (fault?.kind === 'lose') {
        req.socket.destroy();
        return;
      }
      res.writeHead(status, { ...headers, 'x-amzn-requestid': requestId });
      res.end(payload);
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError('InternalFailure', String(error), 500);
      const { contentType, body: text } = errorResponse(service, e.code, e.message, requestId);
      res.writeHead(e.status, { 'content-type': contentType, 'x-amzn-requestid': requestId, 'x-amzn-errortype': e.code });
      res.end(req.method === 'HEAD' ? undefined : text);
    }
  }

  server.on('request', (req, res) => {
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

  return {
    port,
    url,
    bucket,
    account,
    region,
    seen,
    ec2,
    eb,
    logs,
    addFault: (f: Fault) => faults.add(f),
    clearFaults: () => faults.clear(),
    /** An object in the stand-in's S3, as stored. */
    object: (bucket: string, key: string) => objects.get(`${bucket}/${key}`),
    setConsole: (text: string) => (consoleText = text),
    /** Resolves when the stand-in receives the named operation. */
    waitFor: (action: string) => new Promise<void>((resolve) => waiters.push({ action, resolve })),
    releaseHeld: () => held.splice(0).forEach((r) => r()),
    /** What a run created and did not remove. */
    leftovers(): string[] {
      eb.tick();
      return [...eb.leftovers(), ...[...ec2s.values()].flatMap((e) => e.leftovers())];
    },
    /** Another region's EC2 (made on first use, as the region's first request would). */
    ec2In,
    /** A region's parameter store. */
    ssmIn,
    autoScalingIn,
    platforms: () => eb.platforms().map((p) => ({ arn: p.arn, status: p.status, optionSettings: p.optionSettings, tags: p.tags })),
    instances: () => ec2.instances(),
    stop: async () => {
      clearInterval(ticker);
      held.splice(0).forEach((r) => r());
      await machines.close();
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Standin = Awaited<ReturnType<typeof startStandin>>;

/** A region's service, made the first time the region is asked for. */
function inRegion<T>(made: Map<string, T>, region: string, make: () => T): T {
  let service = made.get(region);
  if (!service) made.set(region, (service = make()));
  return service;
}
