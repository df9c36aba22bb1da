/** What the pool needs of every SDK v3 client: connections it can close. */
export interface ServiceClient {
  destroy(): void;
}

export interface ClientConfig {
  region: string;
  retryMode: 'adaptive';
  maxAttempts: number;
  customUserAgent: string;
}

export type ClientClass<C extends ServiceClient> = new (config: ClientConfig) => C;

/**
 * A region's clients, each made the first time it is asked for. The caller
 * names the SDK client class it uses, so the bundle loads an SDK package only
 * when a module that imports it is reached: the packages are most of dist/,
 * EC2's alone is two thirds of it, and the first call needs only IAM's.
 */
export interface AwsClients {
  get<C extends ServiceClient>(Client: ClientClass<C>): C;
}

export interface RegionClients extends AwsClients {
  /** Closes the connections of the clients made so far. */
  destroy(): void;
}

/**
 * Clients on the SDK's default credential chain (so OIDC through
 * aws-actions/configure-aws-credentials works unchanged) and its standard
 * endpoint variables (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`).
 * Adaptive retries back off on throttling across the whole run.
 */
export function createClients(region: string): RegionClients {
  const config: ClientConfig = { region, retryMode: 'adaptive', maxAttempts: 8, customUserAgent: 'eb-custom-platform-action' };
  const made = new Map<ClientClass<ServiceClient>, ServiceClient>();
  return {
    get<C extends ServiceClient>(Client: ClientClass<C>): C {
      let client = made.get(Client);
      if (!client) made.set(Client, (client = new Client(config)));
      return client as C;
    },
    destroy() {
      for (const client of made.values()) client.destroy();
      made.clear();
    },
  };
}

export interface ClientPool {
  /** One client set per region for the whole run. */
  clientsFor(region: string): AwsClients;
  /**
   * Closes every client's connections. A kept-alive socket can hold the step's
   * process open until the server drops it (an S3 upload's does), so a step
   * ends by calling this.
   */
  destroy(): void;
}

export function clientPool(): ClientPool {
  const cache = new Map<string, RegionClients>();
  return {
    clientsFor(region) {
      let clients = cache.get(region);
      if (!clients) cache.set(region, (clients = createClients(region)));
      return clients;
    },
    destroy() {
      for (const clients of cache.values()) clients.destroy();
      cache.clear();
    },
  };
}
