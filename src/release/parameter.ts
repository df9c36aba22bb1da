import {
  DescribeParametersCommand,
  GetParameterCommand,
  Parameter,
  ParameterMetadata,
  ParameterTier,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { isNotFound, isPermissionDenied, isTransient } from '../lib/aws-errors';
import type { Clock } from '../lib/clock';
import { describeError, StepError } from '../lib/errors';
import { backoff } from '../lib/retry';

/** The data type each parameter the action writes holds: an image id, or the platform's ARN as text. */
export type ParameterDataType = 'aws:ec2:image' | 'text';

/**
 * A parameter's type, data type and tier, or undefined when it does not exist. GetParameter does
 * not say the tier; DescribeParameters does (API reference, ParameterMetadata).
 */
export async function parameterMetadata(ssm: SSMClient, name: string): Promise<ParameterMetadata | undefined> {
  const out = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: [name] }] }));
  return out.Parameters?.find((p) => p.Name === name);
}

/**
 * Writes an SSM parameter, replacing its value. An image id goes in with data
 * type aws:ec2:image, so that launch templates can resolve it
 * (`resolve:ssm:NAME`); the platform's ARN as text. An existing parameter keeps
 * its tier: "you can't revert an advanced parameter to a standard parameter"
 * (Systems Manager user guide, "Changing a standard parameter to an advanced
 * parameter"), and what PutParameter does to an advanced parameter when no tier
 * is given is not documented, so the tier it has is sent. The description says
 * what the version is (release/history.ts reads it back for a rollback).
 * Returns the new version.
 */
export async function writeParameter(
  ssm: SSMClient,
  name: string,
  value: string,
  dataType: ParameterDataType,
  description: string,
): Promise<number | undefined> {
  const tier = (await parameterMetadata(ssm, name))?.Tier as ParameterTier | undefined;
  const out = await ssm.send(
    new PutParameterCommand({
      Name: name,
      Value: value,
      Type: 'String',
      DataType: dataType,
      Description: description,
      Overwrite: true,
      ...(tier ? { Tier: tier } : {}),
    }),
  );
  return out.Version;
}

/**
 * Sets a parameter to `value` unless it holds it already (a reused image's promotion writes no new
 * version, so the history shows releases only); an image id is confirmed read back, as Parameter
 * Store checks it after answering. Returns the line the log says.
 */
export async function setParameter(
  ssm: SSMClient,
  name: string,
  value: string,
  dataType: ParameterDataType,
  description: string,
  where: { region: string; clock: Clock },
): Promise<string> {
  const now = await getParameter(ssm, name);
  if (now?.Value === value) return `SSM parameter ${name} in ${where.region} already is ${value} (version ${now.Version ?? '?'}).`;
  const version = await writeParameter(ssm, name, value, dataType, description);
  if (dataType === 'aws:ec2:image') await confirmParameter(ssm, name, value, version, where.clock);
  return `SSM parameter ${name} in ${where.region} is ${value} (version ${version ?? '?'}).`;
}

/**
 * Why an existing parameter cannot take what the action writes, or undefined when it can (or does
 * not exist). "You can't change a parameter to or from either of these data types" (aws:ec2:image,
 * aws:ssm:integration; Systems Manager user guide, "Native parameter support for Amazon Machine Image
 * IDs"), so a text parameter of the user's own cannot become an image parameter, nor the reverse:
 * found before the build, not after it and the smoke test.
 */
export function parameterConflict(existing: ParameterMetadata | undefined, input: string, region: string, dataType: ParameterDataType): string | undefined {
  if (!existing) return undefined;
  const has = existing.DataType ?? 'text';
  if (has === dataType) return undefined;
  return (
    `${input}: the SSM parameter ${existing.Name} in ${region} exists with data type ${has}, and Systems Manager cannot change it to ${dataType}. ` +
    `Delete it (aws ssm delete-parameter --region ${region} --name ${existing.Name}) so the action creates it anew, or name another parameter.`
  );
}

/**
 * Checks before the build that each parameter can be written in each region: the data type (a
 * refusal), the type (a warning: what the action writes is a String). A denied look is a warning.
 */
export async function checkParameters(
  ssmFor: (region: string) => SSMClient,
  wanted: { input: string; name: string; dataType: ParameterDataType; regions: string[] }[],
): Promise<string[]> {
  const warnings: string[] = [];
  const conflicts: string[] = [];
  for (const w of wanted) {
    for (const region of w.regions) {
      let existing: ParameterMetadata | undefined;
      try {
        existing = await parameterMetadata(ssmFor(region), w.name);
      } catch (error) {
        if (!isPermissionDenied(error)) throw error;
        warnings.push(
          `Could not check the SSM parameter ${w.name} in ${region} (${describeError(error)}): add ssm:DescribeParameters to have it checked before the build.`,
        );
        continue;
      }
      const conflict = parameterConflict(existing, w.input, region, w.dataType);
      if (conflict) conflicts.push(conflict);
      else if (existing && existing.Type !== 'String')
        warnings.push(`${w.input}: the SSM parameter ${w.name} in ${region} is a ${existing.Type}; the action overwrites it with a String.`);
    }
  }
  if (conflicts.length) throw new StepError('preflight', conflicts.join('\n'));
  return warnings;
}

/** A parameter as it reads now, or undefined when it does not exist. */
export async function getParameter(ssm: SSMClient, name: string): Promise<Parameter | undefined> {
  try {
    return (await ssm.send(new GetParameterCommand({ Name: name }))).Parameter;
  } catch (error) {
    if (isNotFound(error, 'ParameterNotFound')) return undefined;
    throw error;
  }
}

/**
 * Waits (at most a minute) until the parameter reads back as written. For
 * aws:ec2:image, "Parameter Store validates the AMI ID asynchronously ... If
 * the AMI ID is not valid, the parameter is not created" (Systems Manager user
 * guide): PutParameter's answer alone does not prove the value took.
 */
export async function confirmParameter(ssm: SSMClient, name: string, value: string, version: number | undefined, clock: Clock): Promise<void> {
  const until = clock.now() + 60_000;
  const pause = backoff(500, 5_000);
  let seen = 'nothing';
  while (clock.now() < until) {
    try {
      const p = await getParameter(ssm, name);
      if (p?.Value === value && (version === undefined || (p.Version ?? 0) >= version)) return;
      seen = p ? `${p.Value ?? 'no value'} (version ${p.Version ?? '?'})` : 'no parameter';
    } catch (error) {
      if (!isTransient(error)) throw error;
    }
    await clock.sleep(pause.next());
  }
  throw new StepError(
    'Promote',
    `SSM parameter ${name} still reads ${seen}, not ${value}, a minute after it was written: Systems Manager did not take the value (for aws:ec2:image, it checks that the image exists in the region).`,
  );
}
