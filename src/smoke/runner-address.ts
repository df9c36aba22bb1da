/** The runner's public IPv4 address as AWS sees it, for the security group's one allowed source. */
export async function runnerAddress(): Promise<string> {
  const res = await fetch('https://checkip.amazonaws.com', { signal: AbortSignal.timeout(10_000) });
  const ip = (await res.text()).trim();
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) throw new Error(`checkip.amazonaws.com answered '${ip.slice(0, 40)}'`);
  return ip;
}
