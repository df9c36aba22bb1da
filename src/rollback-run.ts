/**
 * A run in `mode: rollback`: the release's SSM parameters go back to the
 * release before the current one (release/rollback.ts), with the outputs a
 * release sets, so a workflow's later steps read the image they now point at.
 */
import type { Step } from './builders/context';
import type { Inputs } from './inputs';
import type { PipelineDeps, RunReport } from './pipeline';

/** What a dry run says a rollback would do: read calls only, then the writes. */
function rollbackPlan(inputs: Inputs): string[] {
  const r = inputs.release;
  const regions = [inputs.region || '<aws-region>', ...r.regions];
  return [
    ...(r.ssmParameter
      ? [
          `ssm:GetParameterHistory ${r.ssmParameter} in ${regions.join(', ')}: find the release before the current one`,
          `ec2:DescribeImages in each: check that image is available and not deprecated`,
        ]
      : []),
    ...(r.ssmParameterPlatformArn
      ? [
          `ssm:GetParameterHistory ${r.ssmParameterPlatformArn} in ${regions[0]}: find the platform version before the current one`,
          `elasticbeanstalk:DescribePlatformVersion: check that version is Ready`,
        ]
      : []),
    'If every target checks out: ssm:PutParameter each back (its description names the value it leaves), and ec2:CreateTags the images left (never reused)',
  ];
}

export async function runRollback(inputs: Inputs, deps: PipelineDeps, report: RunReport, step: Step): Promise<RunReport> {
  report.rolledBack = true;
  if (inputs.dryRun) {
    report.plan = rollbackPlan(inputs);
    deps.setOutput('plan', report.plan.join('\n'));
    deps.log.info(['Dry run: no AWS call made. A rollback would:', ...report.plan].join('\n'));
    return report;
  }
  const { rollback } = await import('./release/rollback');
  const done = await step('Roll back', () =>
    rollback({
      ...deps,
      region: inputs.region,
      regions: inputs.release.regions,
      imageParameter: inputs.release.ssmParameter,
      platformArnParameter: inputs.release.ssmParameterPlatformArn,
    }),
  );
  report.release.push(...done.lines);
  report.version = done.version;
  if (done.version) deps.setOutput('platform-version', done.version);
  if (done.platformArn) deps.setOutput('platform-arn', done.platformArn);
  const here = done.amiIds[inputs.region];
  if (here) {
    report.amiId = here;
    report.amiIds = done.amiIds;
    deps.setOutput('ami-id', here);
    deps.setOutput('ami-ids', JSON.stringify(done.amiIds));
    deps.setOutput('rolled-back-from', JSON.stringify(done.from));
  }
  return report;
}
