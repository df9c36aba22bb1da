/**
 * Systems Manager Parameter Store's PutParameter, GetParameter and
 * DescribeParameters (JSON 1.1, target prefix AmazonSSM), one store per region,
 * as the API reference and the user guide describe them.
 */
import { ApiError } from './protocol';

interface Parameter {
  name: string;
  value: string;
  version: number;
  dataType: string;
  type: string;
  tier: string;
  modified: Date;
}

export interface SsmOptions {
  account: string;
  region: string;
  /** Whether an image exists in this region, for the aws:ec2:image data type. */
  imageExists: (imageId: string) => boolean;
}

export function createSsm(options: SsmOptions) {
  const parameters = new Map<string, Parameter>();
  const pending = new Set<Promise<void>>();
  const validation = (message: string) => new ApiError('ValidationException', message);

  const handlers: Record<string, (body: Record<string, unknown>) => unknown> = {
    /*
     * Overwrite false refuses an existing name (ParameterAlreadyExists); Tags with Overwrite is refused
     * (the error AWS CLI users meet: "tags and overwrite can't be used together"). For the
     * aws:ec2:image data type the value must look like an AMI id, and "Parameter Store validates
     * the AMI ID asynchronously ... If the AMI ID is not valid, the parameter is not created"
     * (user guide, "Native parameter support for Amazon Machine Image IDs"): the answer comes first,
     * with the version the parameter will have; the stand-in stores it a moment later if the image exists.
     */
    PutParameter: (body) => {
      const name = String(body.Name ?? '');
      const value = String(body.Value ?? '');
      const dataType = String(body.DataType ?? 'text');
      const overwrite = body.Overwrite === true;
      if (!name || !value) throw validation('Name and Value are required');
      if (body.Tags && overwrite)
        throw validation(
          "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource API.",
        );
      const existing = parameters.get(name);
      if (existing && !overwrite)
        throw new ApiError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
      if (!['text', 'aws:ec2:image', 'aws:ssm:integration'].includes(dataType))
        throw validation(`The following data type is not supported: ${dataType} (Data type names are all lowercase.)`);
      /*
       * "You can't change a parameter to or from either of these data types" (aws:ec2:image,
       * aws:ssm:integration; user guide, "Native parameter support for Amazon Machine Image IDs").
       * The error's code and words are not documented: ValidationException is SSM's code for a
       * request it refuses as such.
       */
      if (existing && existing.dataType !== dataType && [existing.dataType, dataType].some((t) => t !== 'text'))
        throw validation(`The data type of parameter ${name} is ${existing.dataType} and can't be changed to ${dataType}.`);
      /*
       * "You can change a standard parameter to an advanced parameter at any time, but you can't
       * revert an advanced parameter to a standard parameter" (user guide, "Changing a standard
       * parameter to an advanced parameter"); the words of the refusal are not documented. What an
       * update that names no tier does to an advanced parameter is not documented either: here it
       * keeps its tier (the action names the tier it has, so either answer suits it).
       */
      const asked = body.Tier === undefined ? undefined : String(body.Tier);
      if (asked === 'Standard' && existing?.tier === 'Advanced')
        throw validation(`Parameter ${name} is an advanced parameter and can't be changed to standard.`);
      const tier = asked === 'Advanced' || existing?.tier === 'Advanced' ? 'Advanced' : 'Standard';
      const version = (existing?.version ?? 0) + 1;
      const store = () => parameters.set(name, { name, value, version, dataType, tier, type: String(body.Type ?? 'String'), modified: new Date() });
      if (dataType === 'aws:ec2:image') {
        // The exact words of the format error are not documented.
        if (!/^ami-[0-9a-f]{8}(?:[0-9a-f]{9})?$/.test(value)) throw validation(`Parameter value ${value} is not a valid AMI ID`);
        const check = new Promise<void>((resolve) =>
          setTimeout(() => {
            if (options.imageExists(value)) store();
            resolve();
          }, 50),
        );
        pending.add(check);
        void check.then(() => pending.delete(check));
      } else {
        store();
      }
      return { Version: version, Tier: tier };
    },
    /*
     * DescribeParameters (API reference): metadata, never the value; ParameterFilters with Key Name
     * and Option Equals match the whole name. Other filters are not needed by the action and refused.
     */
    DescribeParameters: (body) => {
      const filters = (body.ParameterFilters ?? []) as { Key: string; Option?: string; Values?: string[] }[];
      for (const f of filters)
        if (f.Key !== 'Name' || (f.Option ?? 'Equals') !== 'Equals')
          throw validation(`The stand-in answers only Name Equals filters, not ${f.Key} ${f.Option}`);
      const names = filters.flatMap((f) => f.Values ?? []);
      return {
        Parameters: [...parameters.values()]
          .filter((p) => !names.length || names.includes(p.name))
          .map((p) => ({ Name: p.name, Type: p.type, DataType: p.dataType, Tier: p.tier, Version: p.version, LastModifiedDate: p.modified.getTime() / 1000 })),
      };
    },
    GetParameter: (body) => {
      const p = parameters.get(String(body.Name ?? ''));
      if (!p) throw new ApiError('ParameterNotFound', '');
      return {
        Parameter: {
          Name: p.name,
          Type: p.type,
          Value: p.value,
          Version: p.version,
          LastModifiedDate: p.modified.getTime() / 1000,
          ARN: `arn:aws:ssm:${options.region}:${options.account}:parameter${p.name.startsWith('/') ? '' : '/'}${p.name}`,
          DataType: p.dataType,
        },
      };
    },
  };

  return {
    handlers,
    value: (name: string) => parameters.get(name)?.value,
    /** The parameters holding an image id (data type aws:ec2:image), for DescribeImageReferences. */
    imageParameters: () => [...parameters.values()].filter((p) => p.dataType === 'aws:ec2:image').map((p) => ({ name: p.name, value: p.value })),
    /** A parameter the user made before the run, as they made it. */
    put: (p: { name: string; value: string; dataType?: string; type?: string; tier?: string }) =>
      parameters.set(p.name, { version: 1, dataType: 'text', type: 'String', tier: 'Standard', modified: new Date(), ...p }),
    parameter: (name: string) => parameters.get(name),
    /** Waits for the validations under way. */
    settled: () => Promise.all([...pending]).then(() => undefined),
  };
}

export type Ssm = ReturnType<typeof createSsm>;
