/**
 * Every input and output of the action, declared once. action.yml's `inputs`
 * and `outputs` and the README's tables of them are written from here
 * (`npm run docs`); tests hold them, the parser (`src/inputs.ts`), the steps
 * that set outputs and the plan CLI's --help to it.
 */
import { TAG } from './resources/run-tags';

/** Tags the action adds to what it creates (resources/run-tags.ts), counted against each service's limit. */
export const RUN_TAG_COUNT = Object.keys(TAG).length;

/** Who runs Packer: Elastic Beanstalk's builder environment, or the action on the runner. */
export const BUILDERS = ['elastic-beanstalk', 'packer'] as const;
export type BuilderKind = (typeof BUILDERS)[number];

export interface InputDeclaration {
  /** What a run gets when the input is not given (action.yml's `default`); '' for none. */
  default: string;
  /** action.yml's description: what the input is, its limits, its default where derived. */
  description: string;
  /** The README's "Default" column, where the default is derived rather than written (`AWS_REGION`). */
  shownDefault?: string;
  /** The README's "Meaning" column. */
  meaning: string;
  /** Only this builder reads it: given with the other builder (at another value than its default), it is refused, saying why. */
  only?: { builder: BuilderKind; why: string };
  /** A name kept for an input that was renamed: taken with a warning. */
  deprecationMessage?: string;
}

export const INPUTS = {
  mode: {
    default: 'build',
    description:
      "build (package, build, smoke-test and release the platform) or rollback (no build: point ssm-parameter, in the build region and every ami-regions region, and ssm-parameter-platform-arn back at the last release before the current one, read from the parameters' history; nothing changes unless every target still exists).",
    meaning:
      '`build`, or `rollback`: no build and no smoke test; `ssm-parameter` (in `aws-region` and each of `ami-regions`) and `ssm-parameter-platform-arn` go back to the release before the current one, found in their history. Every target is checked first (the image exists, is available and not deprecated; the platform version is Ready); if one is not, nothing changes.',
  },
  'skip-unchanged': {
    default: 'false',
    description:
      'Reuse, instead of building, an image of this platform that passed its smoke test and was built from the same inputs: the bundle, the base image the template resolves to now, the builder, and (builder packer) the Packer and plugin versions and variables. It is still promoted where asked; the output reused says which happened.',
    meaning:
      'Reuse a proven image built from the same inputs (bundle, the base image the template resolves to now, builder, Packer and plugin versions) instead of building: no build, no smoke test; promotion still runs, reusing copies that exist. `reused` says which happened, and the log says why a run builds.',
  },
  builder: {
    default: 'elastic-beanstalk',
    description:
      'Who runs Packer: elastic-beanstalk (CreatePlatformVersion; Elastic Beanstalk runs Packer in its builder environment) or packer (the action runs Packer on the runner, with no Elastic Beanstalk call; the image is the product).',
    meaning: '`elastic-beanstalk` or `packer` (see above).',
  },
  'packer-version': {
    default: '',
    description:
      "builder packer: the Packer release to install from HashiCorp's release site, its SHA256SUMS checked against HashiCorp's signature and the zip against its sum; empty is 1.16.0, the release the action is tested with. path takes the packer on PATH.",
    shownDefault: '`1.16.0`',
    meaning: '`builder: packer`: a release to download and verify, or `path` for the packer on `PATH`.',
    only: { builder: 'packer', why: 'whose builder runs its own Packer: leave it empty, or use builder: packer' },
  },
  'packer-amazon-plugin-version': {
    default: '',
    description:
      "builder packer: the amazon plugin release installed (from HashiCorp's release site, verified like Packer, with packer plugins install --path) for Packer 1.10 and later; empty is 1.8.2, the release the action is tested with. Packer before 1.10 bundles its own and refuses this input.",
    shownDefault: '`1.8.2`',
    meaning: '`builder: packer`, Packer 1.10+: the amazon plugin, downloaded, verified and installed with `plugins install --path`.',
    only: { builder: 'packer', why: 'whose builder runs its own Packer: leave it empty, or use builder: packer' },
  },
  'packer-variables': {
    default: '',
    description: 'builder packer: template variables, one name=value per line, passed as -var.',
    meaning: '`builder: packer`: `name=value` per line, passed as `-var` (refused with `elastic-beanstalk`, which takes none).',
    only: { builder: 'packer', why: "whose builder runs the template without -var: set the variables' defaults in the template, or use builder: packer" },
  },
  'platform-dir': {
    default: 'platform',
    description: 'Directory holding platform.yaml, the Packer template and the builder scripts, relative to the repository.',
    meaning:
      "Directory with `platform.yaml`, the Packer template and builder scripts. `.ebignore` (gitignore syntax) excludes files; symlinks and paths leaving the directory are refused. The repository's root (`.`) is packaged without `.git/`, `.github/` and `node_modules/` (the log says what was left out; `!node_modules/` in `.ebignore` takes one back).",
  },
  'platform-name': {
    default: '',
    description: 'Name of the custom platform (letters, digits, ".", "_", "-"). Defaults to the repository name.',
    shownDefault: 'repository name',
    meaning: 'Letters, digits, `.`, `_`, `-`.',
  },
  'platform-version': {
    default: 'auto',
    description:
      '"auto" (next patch after the newest version of this name in the account, 1.0.0 if none), an explicit MAJOR.MINOR.PATCH, or a tag such as v1.4.2 or refs/tags/v1.4.2 (pass github.ref on tag pushes).',
    meaning:
      '`auto` = next patch after the newest version of this name owned by the account (failed versions count, as in the EB CLI; `1.0.0` if none); `1.4.2`; or a tag `v1.4.2` / `refs/tags/v1.4.2`. An existing version is refused before anything is created.',
  },
  'aws-region': {
    default: '',
    description:
      "Region to build in. Defaults to AWS_REGION or AWS_DEFAULT_REGION (set by aws-actions/configure-aws-credentials). Checked against the regions the action knows (the AWS SDK's list); a misspelling names the nearest.",
    shownDefault: '`AWS_REGION`',
    meaning: 'Region to build in; one the action does not know is refused, naming the nearest (`eu-wst-1`: did you mean `eu-west-1`?).',
  },
  'allow-new-region': {
    default: 'false',
    description:
      'Take a region the action does not know yet (newer than the AWS SDK it ships with) in aws-region, ami-regions or ami-kms-key-ids, with a warning, instead of refusing it.',
    meaning: "Take a region newer than the action's list (the AWS SDK's) in `aws-region`, `ami-regions` or `ami-kms-key-ids`, with a warning.",
  },
  'deadline-minutes': {
    default: '60',
    description: 'Overall deadline for the build, the smoke test and the copies of the release, in minutes (1 to 1440). Teardown always runs after it.',
    meaning:
      "Deadline for the build, the smoke test and the copies of the release, 1 to 1440. Teardown runs after it regardless. Keep the step's own `timeout-minutes` above it, so teardown has time.",
  },
  'timeout-minutes': {
    default: '',
    description: "deadline-minutes' old name: a workflow step's own timeout-minutes key is another thing.",
    meaning:
      "Deprecated: `deadline-minutes`' old name, which a workflow step's own `timeout-minutes` key shadowed in people's reading. Still taken, with a warning; both at once is an error.",
    deprecationMessage: 'timeout-minutes is now deadline-minutes.',
  },
  'poll-interval-seconds': {
    default: '10',
    description:
      'Elastic Beanstalk builder: the pause between polls of the build events, one call each (the status is read when an event says the build ended, and every 5 minutes). Also the most a verdict waits to be seen.',
    meaning:
      "`elastic-beanstalk` only. Pause between polls of the build's events, one call each, as the EB CLI polls (the events carry the verdict; the status is read when one says the build ended, and every 5 minutes as a safety net). After a minute without events, a line says how long the build has run and what it did last.",
    only: { builder: 'elastic-beanstalk', why: "which follows Packer's output as it comes and polls nothing" },
  },
  'smoke-test': {
    default: 'true',
    description: 'Launch a throwaway instance from the new AMI and check it over SSH.',
    meaning: 'Launch a throwaway instance from the AMI and check it over SSH.',
  },
  'keep-builder': {
    default: 'false',
    description: 'Leave the Packer builder environment (eb-custom-platform-builder-packer) running after the build. It costs money every hour it lives.',
    meaning: '`elastic-beanstalk` only. Leave the Packer builder environment running (it is billed by the hour).',
    only: { builder: 'elastic-beanstalk', why: 'which makes no builder environment to keep' },
  },
  'dry-run': {
    default: 'false',
    description:
      'Validate and package the platform and print the AWS calls a real run would make, without calling AWS; with skip-unchanged and AWS credentials in the environment, DescribeImages alone says whether a run would build or reuse.',
    meaning:
      'Validate, package, print the plan of AWS calls; no AWS call, except that with `skip-unchanged` and credentials in the environment the plan says whether a run would build or reuse (read-only `DescribeImages`).',
  },
  tags: {
    default: '',
    description: `Tags for the platform version, or with builder packer for the AMI and its snapshots: one Key=Value per line, or comma-separated (a comma stays in a value unless another Key= follows it). At most ${50 - RUN_TAG_COUNT}: the resource's limit is 50 and the action adds its run's ${RUN_TAG_COUNT}.`,
    meaning: `\`Key=Value\` per line (or comma-separated: a comma stays in a value unless another \`Key=\` follows it), for the platform version, or with \`builder: packer\` for the AMI and its snapshots (the template's own \`tags\` win on a shared key). At most ${50 - RUN_TAG_COUNT}: the resource's limit is 50 and the action adds its run's ${RUN_TAG_COUNT}. Elastic Beanstalk's rules, for either builder: key up to 127, value up to 255 characters, no \`aws:\` or \`elasticbeanstalk:\` prefix, letters, digits, spaces and \`_ . : / = + - @\`.`,
  },
  'builder-instance-profile': {
    default: 'aws-elasticbeanstalk-custom-platform-ec2-role',
    description: 'Instance profile for the builder environment; it needs the AWSElasticBeanstalkCustomPlatformforEC2Role managed policy.',
    meaning:
      'Instance profile of the builder; it needs the managed policy `AWSElasticBeanstalkCustomPlatformforEC2Role` (the plain `aws-elasticbeanstalk-ec2-role` makes Packer fail).',
    only: { builder: 'elastic-beanstalk', why: 'which makes no builder environment: leave it empty, or use builder: elastic-beanstalk' },
  },
  'builder-service-role': {
    default: 'aws-elasticbeanstalk-service-role',
    description: 'Service role Elastic Beanstalk uses for the builder environment (the EB CLI always sends aws-elasticbeanstalk-service-role).',
    meaning:
      '`elastic-beanstalk` only, like every `builder-*` input (given with `builder: packer`, each is refused, naming the builder that uses it). The service role for the builder environment (the EB CLI always sends this one).',
    only: { builder: 'elastic-beanstalk', why: 'which makes no builder environment: leave it empty, or use builder: elastic-beanstalk' },
  },
  'builder-instance-type': {
    default: '',
    description: 'Instance type of the builder environment (Elastic Beanstalk chooses when empty).',
    shownDefault: "EB's choice",
    meaning: 'Instance type of the builder.',
    only: { builder: 'elastic-beanstalk', why: 'which makes no builder environment: leave it empty, or use builder: elastic-beanstalk' },
  },
  'builder-vpc-id': {
    default: '',
    description: 'VPC for the builder environment (the default VPC when empty).',
    shownDefault: 'default VPC',
    meaning: 'The VPC the builder runs in.',
    only: { builder: 'elastic-beanstalk', why: "which makes no builder environment: set the VPC in the template's amazon-ebs builder (vpc_id)" },
  },
  'builder-subnets': {
    default: '',
    description: 'Comma-separated subnets of builder-vpc-id for the builder environment.',
    shownDefault: "default VPC's",
    meaning: 'Subnets of `builder-vpc-id` the builder runs in, comma- or space-separated.',
    only: { builder: 'elastic-beanstalk', why: "which makes no builder environment: set the subnet in the template's amazon-ebs builder (subnet_id)" },
  },
  'max-bundle-size-mb': {
    default: '500',
    description: 'Refuse a platform bundle larger than this many MiB.',
    meaning: 'Refuse a larger bundle.',
  },
  'smoke-instance-type': {
    default: 't3.small',
    description: 'Instance type of the smoke-test instance.',
    meaning: 'Instance type of the smoke-test instance.',
  },
  'smoke-subnet-id': {
    default: '',
    description: 'Subnet for the smoke-test instance (a default subnet of the default VPC when empty).',
    shownDefault: 'default subnet',
    meaning: 'Subnet of the smoke-test instance.',
  },
  'smoke-allowed-cidr': {
    default: '',
    description:
      "IPv4 CIDR allowed to reach the smoke-test instance on SSH and HTTP. Defaults to the runner's own public address (/32); a wider block needs smoke-allow-wide-cidr.",
    shownDefault: "runner's address/32",
    meaning: 'Who may reach the instance on SSH and HTTP. A block wider than one address is refused unless `smoke-allow-wide-cidr` is `true`.',
  },
  'smoke-allow-wide-cidr': {
    default: 'false',
    description: 'Allow a smoke-allowed-cidr wider than one address (a runner network inside the VPC); the log and the summary warn of it.',
    meaning: 'Allow a `smoke-allowed-cidr` wider than a /32 (a runner network inside the VPC, `0.0.0.0/0`); the log and the summary warn of it.',
  },
  'smoke-address': {
    default: 'public',
    description:
      'Which address of the smoke-test instance the runner connects to: public, or private for a self-hosted runner inside the VPC (then set smoke-allowed-cidr to the runner network).',
    meaning:
      "The instance address the runner connects to: `public`, or `private` for a self-hosted runner inside the VPC (then `smoke-allowed-cidr` is required: the runner's /32, or its network with `smoke-allow-wide-cidr`).",
  },
  'smoke-kms-key-id': {
    default: '',
    description: "KMS key (id, alias or ARN) for the smoke-test instance's encrypted root volume. The account's default EBS key when empty.",
    shownDefault: "the account's default EBS key",
    meaning: "KMS key for the instance's encrypted root volume.",
  },
  'smoke-tags': {
    default: '',
    description: `Extra tags for the smoke-test instance, security group and key pair, written as tags is. At most ${50 - RUN_TAG_COUNT - 1}: EC2's limit is 50, the action adds its run's ${RUN_TAG_COUNT} and a Name.`,
    meaning: `Extra tags for the instance, security group and key pair, written as \`tags\` is. At most ${50 - RUN_TAG_COUNT - 1}: EC2's limit is 50, the action adds its run's ${RUN_TAG_COUNT} and a \`Name\`.`,
  },
  'smoke-script': {
    default: '',
    description: 'A script in the repository to run on the smoke-test instance after the built-in checks.',
    meaning: 'A script in the repository, run on the instance after the built-in checks.',
  },
  'sbom-previous-path': {
    default: '',
    description:
      "The previous image's SBOM (its run's sbom-path, kept as a workflow artifact and downloaded): a file, or a directory holding one .cdx.json. The summary lists the packages that changed since; absent is no comparison.",
    meaning:
      "The previous image's SBOM (a file, or the directory a downloaded artifact holds it in): the summary lists the packages added, removed and changed since, checked against the digest that image's tag records. Absent (a first release): no comparison. See \"The image's SBOM\".",
  },
  'ssh-user': {
    default: 'ubuntu',
    description: 'User to log in as on the smoke-test instance.',
    meaning: 'Login user on the instance.',
  },
  'ssh-port': {
    default: '22',
    description: 'SSH port of the smoke-test instance.',
    meaning: 'Port of sshd on the instance.',
  },
  'http-port': {
    default: '80',
    description: 'HTTP port nginx answers on, on the smoke-test instance.',
    meaning: 'Port of nginx on the instance.',
  },
  'ami-regions': {
    default: '',
    description:
      'After a passed smoke test, regions to copy the image to (CopyImage, with its tags), one per line or comma-separated. The copies run in parallel; if one fails, every copy is removed.',
    meaning: 'After a passed smoke test, regions to copy the image to (see "Release").',
  },
  'ami-kms-key-ids': {
    default: '',
    description: "KMS keys for the copies, one region=key per line (a key id, alias or ARN in that region): that region's copy is encrypted with it.",
    meaning: "`region=key` per line: that region's copy is encrypted with the key.",
  },
  'ami-share-accounts': {
    default: '',
    description: 'AWS account ids given launch permission on the image and its copies, one per line or comma-separated.',
    meaning: 'Launch permission on the image and its copies for these AWS accounts.',
  },
  'ami-share-org-arns': {
    default: '',
    description: 'Organization ARNs given launch permission on the image and its copies.',
    meaning: 'Launch permission on the image and its copies for these organizations (ARNs).',
  },
  'ami-share-ou-arns': {
    default: '',
    description: 'Organizational unit ARNs given launch permission on the image and its copies.',
    meaning: 'Launch permission on the image and its copies for these organizational units (ARNs).',
  },
  'ssm-parameter': {
    default: '',
    description:
      'An SSM parameter set to the image id in each region that has the image (data type aws:ec2:image), for launch templates that use resolve:ssm:.',
    meaning: 'SSM parameter set to the image id in each region that has it (data type `aws:ec2:image`).',
  },
  'ssm-parameter-platform-arn': {
    default: '',
    description: 'An SSM parameter set to the platform version ARN in the build region (builder elastic-beanstalk).',
    meaning: '`elastic-beanstalk` only. SSM parameter set to the platform version ARN.',
    only: { builder: 'elastic-beanstalk', why: 'which makes no platform version: use ssm-parameter for the image id' },
  },
  'keep-versions': {
    default: '0',
    description:
      'Keep the newest N versions of the platform (platform versions, or images with builder packer) and remove older ones nothing uses; failed ones go first. 0 keeps all.',
    shownDefault: '`0` (all)',
    meaning: 'Keep the newest N versions of the platform; remove older ones nothing uses.',
  },
  'deprecate-previous-after-days': {
    default: '0',
    description: "Set a deprecation date this many days ahead on the platform's older images (EnableImageDeprecation). 0 leaves them.",
    shownDefault: '`0` (never)',
    meaning: "Set a deprecation date this many days ahead on the platform's older images.",
  },
  'sweep-orphans': {
    default: 'true',
    description:
      "At the start, remove the instances, security groups and key pairs this repository's runs that ended over an hour ago left (found by the action's tags).",
    meaning: "At the start, remove what this repository's runs that ended over an hour ago left.",
  },
} satisfies Record<string, InputDeclaration>;

export type InputName = keyof typeof INPUTS;

export interface OutputDeclaration {
  /** action.yml's description. */
  description: string;
  /** The README's "Meaning" column. */
  meaning: string;
}

/** Every output of the action, declared once like the inputs; a step sets one only by a name declared here. */
export const OUTPUTS = {
  'platform-arn': {
    description: 'ARN of the new platform version.',
    meaning: 'ARN of the new platform version (empty with `builder: packer`).',
  },
  'platform-version': {
    description: 'The version created, such as 1.4.2; on a dry run, the version given (empty for auto, found only at run time).',
    meaning: 'The version created, such as `1.4.2`; on a dry run, the version given (unset for `auto`).',
  },
  'ami-id': { description: 'The AMI the build produced.', meaning: 'The AMI the build produced.' },
  'ami-ids': {
    description: 'JSON object, region to image id: the image and its copies.',
    meaning: 'JSON, region to image id: the image and its copies, such as `{"eu-west-1":"ami-0a…","eu-central-1":"ami-0b…"}`.',
  },
  'bundle-sha256': {
    description: 'SHA-256 of the platform bundle (hex); also part of its S3 key. Set on a dry run too.',
    meaning: 'SHA-256 (hex) of the platform bundle; also part of its S3 key. Set on a dry run too.',
  },
  'sbom-path': {
    description: "After a passed smoke test: the image's SBOM (CycloneDX 1.5 JSON), read from the booted instance.",
    meaning: "After a passed smoke test: the image's SBOM, CycloneDX 1.5 JSON, read from the booted instance (packages, OS, kernel, Docker).",
  },
  reused: {
    description: 'true when skip-unchanged reused a proven image instead of building; false when the run built one.',
    meaning: '`true` when `skip-unchanged` reused a proven image (no build, no smoke test), `false` when the run built.',
  },
  'rolled-back-from': {
    description: 'mode rollback: JSON object, region to the image id the SSM parameter held before the rollback.',
    meaning: '`mode: rollback`: JSON, region to the image the parameter held before (`ami-ids` says what it holds now).',
  },
  plan: {
    description: 'Dry run only: the AWS calls a real run would make, one per line.',
    meaning: 'Dry run only: the AWS calls a real run would make, one per line.',
  },
} satisfies Record<string, OutputDeclaration>;

export type OutputName = keyof typeof OUTPUTS;
