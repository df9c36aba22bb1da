/**
 * What an SSM parameter the action writes held before: its history, and the
 * value a rollback returns to. Each version the action writes says in its
 * description what it was (a release, or a rollback from a value), so the
 * history alone tells which earlier value is good to return to, in every
 * region, with nothing kept anywhere else.
 */
import { GetParameterHistoryCommand, SSMClient } from '@aws-sdk/client-ssm';
import { isNotFound } from '../lib/aws-errors';
import { allPages } from '../lib/paginate';

export interface ParameterVersion {
  version: number;
  value: string;
  description?: string;
}

/** How a rollback's version describes itself; the value it left follows. */
const ROLLED_BACK_FROM = 'rolled back from ';

/** The description of a version a release writes: what it points at, and the run that proved it. */
export function releasedDescription(what: string, runUrl?: string): string {
  return `released: ${what}${runUrl ? ` by ${runUrl}` : ''}`.slice(0, 1024);
}

/** The description of a version a rollback writes: the value it leaves, which is not returned to again. */
export function rolledBackDescription(from: string, runUrl?: string): string {
  return `${ROLLED_BACK_FROM}${from}${runUrl ? ` by ${runUrl}` : ''}`.slice(0, 1024);
}

/**
 * Every kept version of a parameter, oldest first (GetParameterHistory; the order it answers in
 * is not documented, so it is sorted here), or undefined when the parameter does not exist.
 * Parameter Store keeps the newest 100 versions (API reference, ParameterMaxVersionLimitExceeded).
 */
export async function parameterHistory(ssm: SSMClient, name: string): Promise<ParameterVersion[] | undefined> {
  try {
    const versions = await allPages('GetParameterHistory', async (token) => {
      const page = await ssm.send(new GetParameterHistoryCommand({ Name: name, MaxResults: 50, NextToken: token }));
      return { items: page.Parameters, next: page.NextToken };
    });
    return versions.map((v) => ({ version: v.Version ?? 0, value: v.Value ?? '', description: v.Description })).sort((a, b) => a.version - b.version);
  } catch (error) {
    if (isNotFound(error, 'ParameterNotFound')) return undefined;
    throw error;
  }
}

export interface RollbackTarget {
  current?: ParameterVersion;
  /** The value to return to: the newest earlier one that no rollback has left since it was last released. */
  target?: ParameterVersion;
  /** Why there is none, in words. */
  none?: string;
}

/**
 * The value a rollback returns to. Walking the history oldest first: a rollback's version marks
 * the value it left as abandoned; a release of a value clears that mark. The target is the newest
 * version before the current one whose value differs from the current and is not abandoned, so a
 * second rollback goes one release further back rather than forward again.
 */
export function rollbackTarget(history: ParameterVersion[]): RollbackTarget {
  const current = history[history.length - 1];
  if (!current) return { none: 'the parameter has no versions' };
  const abandoned = new Set<string>();
  for (const v of history) {
    const left = v.description?.startsWith(ROLLED_BACK_FROM) ? v.description.slice(ROLLED_BACK_FROM.length).split(' ')[0] : undefined;
    if (left) abandoned.add(left);
    else abandoned.delete(v.value);
  }
  for (let i = history.length - 2; i >= 0; i--) {
    const v = history[i];
    if (v.value !== current.value && !abandoned.has(v.value)) return { current, target: v };
  }
  const left = [...abandoned].filter((v) => v !== current.value);
  return {
    current,
    none:
      `it holds ${current.value} (version ${current.version}) and no earlier value to return to` +
      (left.length ? ` (earlier rollbacks left ${left.join(', ')})` : history.length === 1 ? ' (it has only ever held this one)' : ''),
  };
}
