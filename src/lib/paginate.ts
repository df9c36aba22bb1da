import { StepError } from './errors';

/**
 * Every item across a paged AWS listing. A service that hands back a token it
 * already gave would loop forever, so that is an error naming the call.
 */
export async function allPages<T>(call: string, fetchPage: (token: string | undefined) => Promise<{ items?: T[]; next?: string }>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...(page.items ?? []));
    token = page.next || undefined;
    if (token && seen.has(token)) throw new StepError(call, `${call} returned the same NextToken twice ('${token}')`);
    if (token) seen.add(token);
  } while (token);
  return items;
}
