import { BUILDER_ENVIRONMENT, builderOptionSettings, bundleKey } from './builders/elastic-beanstalk/settings';
import type { Inputs } from './inputs';
import { SMOKE_FILE, type SmokeSpec } from './platform/smoke-spec';
import { DEFAULT_AMAZON_PLUGIN } from './builders/packer/defaults';
import { pruneRules } from './release/prune-rules';
import { shareTargets } from './release/settings';

/** The AWS calls a real run would make, in order, for a dry run to print; each builder's own. */
export function planLines(
  inputs: Inputs,
  bundle: { sha256: string; bytes: number },
  definition: { templateFile: string; smoke?: SmokeSpec },
  checked: string[] = [],
): string[] {
  const { templateFile } = definition;
  const region = inputs.region || '<region from AWS_REGION>';
  const name = inputs.platformName;
  const version = inputs.platformVersion.kind === 'explicit' ? inputs.platformVersion.version : '<next patch after the newest existing version, 1.0.0 if none>';
  const lines = [`region ${region}, platform ${name}/${version}, Packer template ${templateFile}, builder ${inputs.builder}`];
  const add = (line: string) => lines.push(`${lines.length}. ${line}`);
  add(
    `checked already, with no AWS call, on the bundle as it ships: platform.yaml (flavor, metadata, option namespaces), the files and variables the template names, ${definition.smoke ? `${SMOKE_FILE}, ` : ''}the inputs` +
      (inputs.region ? ", the template's region against the region" : '') +
      (checked.filter((c) => !c.startsWith('not run')).length ? `, ${checked.filter((c) => !c.startsWith('not run')).join(', ')}` : '') +
      (inputs.region ? '' : "; not checked: the template's region, since no region is given (aws-region, AWS_REGION or AWS_DEFAULT_REGION)") +
      checked
        .filter((c) => c.startsWith('not run'))
        .map((c) => `; ${c}`)
        .join(''),
  );
  if (inputs.builder === 'packer') {
    add(
      inputs.packer.version === 'path'
        ? `use the packer on PATH${inputs.packer.pluginVersion ? ` with the amazon plugin ${inputs.packer.pluginVersion}` : ''} (no AWS call)`
        : `download Packer ${inputs.packer.version} and the amazon plugin ${inputs.packer.pluginVersion ?? DEFAULT_AMAZON_PLUGIN} from HashiCorp's release site (each SHA256SUMS checked against HashiCorp's signature, each zip against its sum), packer plugins install --path (no AWS call)`,
    );
    add("the credentials' expiry against the deadline (no call)");
    addParameterCheck(inputs, add);
    addSweep(inputs, add);
    addFingerprint(inputs, add);
    add(
      `ec2:DescribeImages (owner self, tag eb_platform_name=${name}): ${inputs.platformVersion.kind === 'auto' ? 'choose the version' : `check that ${version} does not exist`}`,
    );
    add(
      `packer validate, then packer build -machine-readable ${templateFile}${Object.keys(inputs.packer.variables).length ? ` with -var ${Object.keys(inputs.packer.variables).join(', ')}` : ''}: Packer's amazon-ebs calls (ec2:DescribeImages, CreateKeyPair, CreateSecurityGroup, AuthorizeSecurityGroupIngress, RunInstances, DescribeInstances, StopInstances, CreateImage, CreateTags, TerminateInstances, DeleteSecurityGroup, DeleteKeyPair); no Elastic Beanstalk call`,
    );
  } else {
    const settings = builderOptionSettings(inputs.builderEnvironment)
      .map((o) => `${o.Namespace}:${o.OptionName}=${o.Value}`)
      .join(', ');
    add(`iam:GetInstanceProfile ${inputs.builderEnvironment.instanceProfile}, and the credentials' expiry against the deadline`);
    addParameterCheck(inputs, add);
    addSweep(inputs, add);
    addFingerprint(inputs, add);
    add(
      `elasticbeanstalk:ListPlatformVersions (owner self, name ${name}): ${inputs.platformVersion.kind === 'auto' ? 'choose the version' : `check that ${version} does not exist`}`,
    );
    add(`elasticbeanstalk:CreateStorageLocation: the account's bucket elasticbeanstalk-${region}-<account>`);
    add(`s3:PutObject ${bundleKey(name, version, bundle.sha256)} (${bundle.bytes} bytes, SHA-256 ${bundle.sha256})`);
    add(
      `elasticbeanstalk:CreatePlatformVersion ${name}/${version} with ${settings}${Object.keys(inputs.tags).length ? `, tags ${Object.keys(inputs.tags).join(', ')}` : ''}`,
    );
    add(
      `elasticbeanstalk:DescribeEvents every ${inputs.pollIntervalSeconds} s (DescribePlatformVersion when an event says the build ended, and every 5 min) until Ready, Failed or ${inputs.timeoutMinutes} min (logs:GetLogEvents for Packer's output on a failure); ec2:DescribeImages until the AMI is available`,
    );
  }
  if (inputs.smokeTest) {
    add(
      `smoke test: before the build, ec2:ImportKeyPair, CreateSecurityGroup, AuthorizeSecurityGroupIngress (22, ${inputs.smoke.httpPort} from ${inputs.smoke.allowedCidr ?? "the runner's public address/32"}); ` +
        `once the image is available, DescribeImages, RunInstances (${inputs.smoke.instanceType}, IMDSv2 only, encrypted root volume), DescribeInstances, GetConsoleOutput; SSH checks as ${inputs.smoke.sshUser} at the ${inputs.smoke.address} address; ` +
        `TerminateInstances, DeleteSecurityGroup, DeleteKeyPair`,
    );
    add(
      definition.smoke
        ? `smoke checks from ${SMOKE_FILE}: ${definition.smoke.checks.map((c) => c.name).join(', ') || 'none'}${definition.smoke.deploy ? '; a deploy of the sample application' : ''}${definition.smoke.http ? `; GET ${definition.smoke.http.path}` : ''}`
        : `no ${SMOKE_FILE} beside platform.yaml: only the action's own checks (SSH with the pinned host key, the boot finished${inputs.smoke.script ? ', smoke-script' : ''}); declare the platform's own in ${SMOKE_FILE} (README, "Declaring a platform's smoke checks")`,
    );
  }
  if (inputs.builder === 'packer') {
    add('teardown of whatever Packer announced and did not remove (its instance, temporary security group and key pair, an image it left half-registered)');
  } else {
    add(
      inputs.keepBuilder
        ? `keep the builder environment ${BUILDER_ENVIRONMENT} (keep-builder)`
        : `elasticbeanstalk:DescribeEnvironments, ListPlatformVersions, TerminateEnvironment ${BUILDER_ENVIRONMENT} (AbortEnvironmentUpdate first if this run's build is still running; kept while another build runs); ec2:DescribeInstances for Packer's instance by the template's run tags`,
    );
  }
  releasePlan(inputs, add);
  return lines;
}

/** The sweep of what ended runs left, right after the pre-flight checks. */
function addSweep(inputs: Inputs, add: (line: string) => void): void {
  if (!inputs.release.sweepOrphans) return;
  add(
    `sweep: ec2:DescribeInstances, DescribeSecurityGroups, DescribeKeyPairs by the action's tags for this repository; TerminateInstances, DeleteSecurityGroup, DeleteKeyPair for those whose run's deadline passed over an hour ago${inputs.builder === 'elastic-beanstalk' && !inputs.keepBuilder ? `; elasticbeanstalk:DescribeEnvironments ${BUILDER_ENVIRONMENT} and ListPlatformVersions (Creating): a builder left Ready with no build is taken on, reused by the build and ended by teardown` : ''}`,
  );
}

/** The build's fingerprint, and with skip-unchanged the look for a proven image built from it. */
function addFingerprint(inputs: Inputs, add: (line: string) => void): void {
  add(
    "fingerprint: ec2:DescribeImages with the template's source_ami_filter or source_ami (the base image, as the amazon plugin resolves it); after the build ec2:CreateTags the fingerprint on the image" +
      (inputs.smokeTest ? ', and after a passed smoke test the date it passed' : ''),
  );
  if (inputs.skipUnchanged)
    add(
      'skip-unchanged: ec2:DescribeImages (owner self, this fingerprint, passed its smoke test, no rollback left it)' +
        (inputs.builder === 'elastic-beanstalk' ? ', elasticbeanstalk:DescribePlatformVersion (Ready)' : '') +
        ': when one is found, it is reused: no build and no smoke test, and the release below promotes it (copies an earlier release made are reused)',
    );
}

/** The release's steps and rules: the copies alongside the smoke test, the rest once it passed. */
function releasePlan(inputs: Inputs, add: (line: string) => void): void {
  const r = inputs.release;
  if (r.regions.length) {
    add(
      `${inputs.smokeTest ? 'as soon as the image is available, alongside the smoke test' : 'once the image is available'}: ec2:CopyImage to ${r.regions.map((region) => `${region}${r.kmsKeyIds[region] ? ` (encrypted with ${r.kmsKeyIds[region]})` : ''}`).join(', ')} in parallel, DescribeImages until each is available; ` +
        `if ${inputs.smokeTest ? 'the smoke test or ' : ''}one copy fails, every copy is deregistered with its snapshots`,
    );
  }
  // What follows waits for the smoke test: the first line says so.
  let first = inputs.smokeTest ? 'after the smoke test passed: ' : '';
  const addAfter = (line: string) => {
    add(first + line);
    first = '';
  };
  const who = shareTargets(r);
  if (who.length) addAfter(`ec2:ModifyImageAttribute: launch permission on the image and its copies for ${who.join(', ')}`);
  if (r.ssmParameter) addAfter(`ssm:PutParameter ${r.ssmParameter} (aws:ec2:image) in ${[inputs.region || '<region>', ...r.regions].join(', ')}`);
  if (r.ssmParameterPlatformArn) addAfter(`ssm:PutParameter ${r.ssmParameterPlatformArn} (the platform ARN) in ${inputs.region || '<region>'}`);
  if (r.keepVersions !== undefined)
    addAfter(`prune: ${pruneRules(r.keepVersions)}; the log lists each version kept or removed, with the reason, before the first removal`);
  if (r.deprecateAfterDays !== undefined) addAfter(`ec2:EnableImageDeprecation on the platform's older images, ${r.deprecateAfterDays} day(s) ahead`);
}

/** The SSM parameters the release writes, looked up before the build in each region they go to. */
function addParameterCheck(inputs: Inputs, add: (line: string) => void): void {
  const r = inputs.release;
  const names = [r.ssmParameter, r.ssmParameterPlatformArn].filter(Boolean);
  if (names.length)
    add(
      `ssm:DescribeParameters ${names.join(', ')} in ${[inputs.region, ...r.regions].join(', ')}: an existing parameter's data type must be what the release writes`,
    );
}
