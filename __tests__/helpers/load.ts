import * as http from 'node:http';

export interface LoadResult {
  ok: number;
  failed: number;
  errors: string[];
  bodies: Map<string, number>;
  latenciesMs: number[];
}

/**
 * A bounded load on loopback: `clients` loops, half on fresh connections and
 * half on one kept-alive connection each, until `stop()` resolves or the
 * count runs out. A request fails on any error or a non-200 answer; a
 * kept-alive connection the server closed while idle is retried once on a new
 * one, as every HTTP client does.
 */
export function runLoad(port: number, options: { path?: string; clients?: number; maxRequests?: number; stop: Promise<void> }): Promise<LoadResult> {
  const result: LoadResult = { ok: 0, failed: 0, errors: [], bodies: new Map(), latenciesMs: [] };
  const clients = options.clients ?? 8;
  const max = options.maxRequests ?? 20_000;
  let stopped = false;
  let sent = 0;
  options.stop.then(() => (stopped = true));

  const once = (agent: http.Agent | false): Promise<void> =>
    new Promise((resolve) => {
      const started = performance.now();
      const attempt = (retried: boolean) => {
        const req = http.get({ host: '127.0.0.1', port, path: options.path ?? '/', agent }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (body += c));
          res.on('end', () => {
            if (res.statusCode === 200) {
              result.ok++;
              result.bodies.set(body.trim(), (result.bodies.get(body.trim()) ?? 0) + 1);
              result.latenciesMs.push(performance.now() - started);
            } else {
              result.failed++;
              result.errors.push(`status ${res.statusCode}: ${body.slice(0, 100)}`);
            }
            resolve();
          });
          res.on('error', (e) => {
            result.failed++;
            result.errors.push(`response: ${e.message}`);
            resolve();
          });
        });
        req.setTimeout(10_000, () => req.destroy(new Error('timed out')));
        req.on('error', (e: NodeJS.ErrnoException) => {
          if (agent && (req as unknown as { reusedSocket?: boolean }).reusedSocket && !retried && e.code === 'ECONNRESET') return attempt(true);
          result.failed++;
          result.errors.push(`${e.code ?? ''} ${e.message}`);
          resolve();
        });
      };
      attempt(false);
    });

  const loop = async (keepAlive: boolean) => {
    const agent = keepAlive ? new http.Agent({ keepAlive: true, maxSockets: 1 }) : false;
    while (!stopped && sent < max) {
      sent++;
      await once(agent);
    }
    if (agent) agent.destroy();
  };
  return Promise.all(Array.from({ length: clients }, (_, i) => loop(i % 2 === 0))).then(() => result);
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
