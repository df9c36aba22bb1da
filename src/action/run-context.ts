/** Tags that tie what a run creates to the repository and run that made it. */
export function runTags(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const tags: Record<string, string> = { 'eb-platform-action:managed-by': 'eb-custom-platform-action' };
  if (env.GITHUB_REPOSITORY) tags['eb-platform-action:repository'] = env.GITHUB_REPOSITORY;
  if (env.GITHUB_RUN_ID) tags['eb-platform-action:run-id'] = env.GITHUB_RUN_ID;
  if (env.GITHUB_RUN_ATTEMPT) tags['eb-platform-action:run-attempt'] = env.GITHUB_RUN_ATTEMPT;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    tags['eb-platform-action:run-url'] = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  }
  return tags;
}
