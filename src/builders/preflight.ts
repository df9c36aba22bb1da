import { CredentialsProvider, credentialsWarning } from '../lib/credentials';
import type { RunContext } from './context';

/**
 * What must hold before a build starts: credentials that last, the SSM
 * parameters the release writes, and (Elastic Beanstalk) the builder's instance
 * profile. The credentials are any client's; they are asked of the SDK package
 * the build's first call loads anyway.
 */
export async function preflight(ctx: RunContext): Promise<void> {
  const { inputs, clients, deps } = ctx;
  if (inputs.builder === 'packer') {
    const { EC2Client } = await import('@aws-sdk/client-ec2');
    await checkCredentials(ctx, clients.get(EC2Client));
    await checkReleaseParameters(ctx);
    return;
  }
  const [{ IAMClient }, { checkBuilderProfile }] = await Promise.all([import('@aws-sdk/client-iam'), import('./elastic-beanstalk/preflight')]);
  const iam = clients.get(IAMClient);
  await checkCredentials(ctx, iam);
  const profile = await checkBuilderProfile(iam, inputs.builderEnvironment.instanceProfile);
  if (profile) deps.log.warning(profile);
  else deps.log.info(`The builder's instance profile ${inputs.builderEnvironment.instanceProfile} exists.`);
  await checkReleaseParameters(ctx);
}

/** The parameters a promotion will write, checked in every region it writes them (a build and a smoke test are too long to lose to them). */
async function checkReleaseParameters({ inputs, deps }: RunContext): Promise<void> {
  const r = inputs.release;
  if (!r.ssmParameter && !r.ssmParameterPlatformArn) return;
  const [{ SSMClient }, { checkParameters }] = await Promise.all([import('@aws-sdk/client-ssm'), import('../release/parameter')]);
  const warnings = await checkParameters(
    (region) => deps.clientsFor(region).get(SSMClient),
    [
      ...(r.ssmParameter ? [{ input: 'ssm-parameter', name: r.ssmParameter, dataType: 'aws:ec2:image' as const, regions: [inputs.region, ...r.regions] }] : []),
      ...(r.ssmParameterPlatformArn
        ? [{ input: 'ssm-parameter-platform-arn', name: r.ssmParameterPlatformArn, dataType: 'text' as const, regions: [inputs.region] }]
        : []),
    ],
  );
  for (const w of warnings) deps.log.warning(w);
}

async function checkCredentials({ inputs, deps, deadline }: RunContext, client: { config: { credentials: CredentialsProvider } }): Promise<void> {
  const warning = await credentialsWarning(() => client.config.credentials(), deadline, inputs.timeoutMinutes);
  if (warning) deps.log.warning(warning);
}
