import { describeError, StepError } from '../lib/errors';

/** The runner's public IPv4 address as AWS sees it, for the security group's one allowed source. */
export async function runnerAddress(): Promise<string> {
  const res = await fetch('https://checkip.amazonaws.com', { signal: AbortSignal.timeout(10_000) });
  const ip = (await res.text()).trim();
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) throw new Error(`checkip.amazonaws.com answered '${ip.slice(0, 40)}'`);
  return ip;
}

/**
 * Where the runner reaches instances from: smoke-allowed-cidr when given, else the runner's public
 * address as a /32. The smoke test's security group and Packer's temporary one both let in only it.
 */
export async function runnerCidr(step: string, allowedCidr: string | undefined, publicIp: () => Promise<string> = runnerAddress): Promise<string> {
  if (allowedCidr) return allowedCidr;
  try {
    return `${await publicIp()}/32`;
  } catch (error) {
    throw new StepError(step, `Could not find the runner's public address (${describeError(error)}): set smoke-allowed-cidr.`);
  }
}
