/** Tags that tie what a run creates to the repository and run that made it; the sweep reads them back. */
export const TAG = {
  managedBy: 'eb-platform-action:managed-by',
  repository: 'eb-platform-action:repository',
  runId: 'eb-platform-action:run-id',
  runAttempt: 'eb-platform-action:run-attempt',
  runUrl: 'eb-platform-action:run-url',
  /** When the run's main step gives up at the latest (its start plus deadline-minutes): after it, only the post step may still act. */
  deadline: 'eb-platform-action:run-deadline',
} as const;

export const MANAGED_BY = 'eb-custom-platform-action';

export function runTags(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const tags: Record<string, string> = { [TAG.managedBy]: MANAGED_BY };
  if (env.GITHUB_REPOSITORY) tags[TAG.repository] = env.GITHUB_REPOSITORY;
  if (env.GITHUB_RUN_ID) tags[TAG.runId] = env.GITHUB_RUN_ID;
  if (env.GITHUB_RUN_ATTEMPT) tags[TAG.runAttempt] = env.GITHUB_RUN_ATTEMPT;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    tags[TAG.runUrl] = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  }
  return tags;
}

/** The run's tags with its deadline, once the run knows it; nothing is added to an empty set (a test's). */
export function withDeadline(tags: Record<string, string>, deadline: number): Record<string, string> {
  return tags[TAG.managedBy] ? { ...tags, [TAG.deadline]: new Date(deadline).toISOString() } : tags;
}
