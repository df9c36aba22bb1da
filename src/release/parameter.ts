import { GetParameterCommand, Parameter, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { isNotFound, isTransient } from '../lib/aws-errors';
import type { Clock } from '../lib/clock';
import { StepError } from '../lib/errors';
import { backoff } from '../lib/retry';

/**
 * Writes an SSM parameter, replacing its value. An image id goes in with data
 * type aws:ec2:image, so that launch templates can resolve it
 * (`resolve:ssm:NAME`); the platform's ARN as text. Returns the new version.
 */
export async function writeParameter(ssm: SSMClient, name: string, value: string, dataType: 'aws:ec2:image' | 'text'): Promise<number | undefined> {
  const out = await ssm.send(new PutParameterCommand({ Name: name, Value: value, Type: 'String', DataType: dataType, Overwrite: true }));
  return out.Version;
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
