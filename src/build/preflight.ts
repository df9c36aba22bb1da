import { CredentialsProvider, credentialsWarning } from '../lib/credentials';
import type { RunContext } from './context';

/**
 * What must hold before a build starts: credentials that last, and (Elastic
 * Beanstalk) the builder's instance profile. The credentials are any client's;
 * they are asked of the SDK package the build's first call loads anyway.
 */
export async function preflight(ctx: RunContext): Promise<void> {
  const { inputs, clients, deps } = ctx;
  if (inputs.builder === 'packer') {
    const { EC2Client } = await import('@aws-sdk/client-ec2');
    await checkCredentials(ctx, clients.get(EC2Client));
    return;
  }
  const [{ IAMClient }, { checkBuilderProfile }] = await Promise.all([import('@aws-sdk/client-iam'), import('./elastic-beanstalk/preflight')]);
  const iam = clients.get(IAMClient);
  await checkCredentials(ctx, iam);
  const profile = await checkBuilderProfile(iam, inputs.builderEnvironment.instanceProfile);
  if (profile) deps.log.warning(profile);
  else deps.log.info(`The builder's instance profile ${inputs.builderEnvironment.instanceProfile} exists.`);
}

async function checkCredentials({ inputs, deps, deadline }: RunContext, client: { config: { credentials: CredentialsProvider } }): Promise<void> {
  const warning = await credentialsWarning(() => client.config.credentials(), deadline, inputs.timeoutMinutes);
  if (warning) deps.log.warning(warning);
}
