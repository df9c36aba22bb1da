/**
 * Systems Manager Parameter Store's PutParameter, GetParameter,
 * GetParameterHistory and DescribeParameters (JSON 1.1, target prefix
 * AmazonSSM), one store per region, as the API reference and the user guide
 * describe them.
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
  description?: string;
  /** Every version kept, oldest first, the current one last. */
  history: Omit<Parameter, 'history' | 'name'>[];
}

/**
 * "Parameter Store retains the 100 most recently created versions of a parameter. After this
 * number of versions has been created, Parameter Store deletes the oldest version when a new one
 * is created" (API reference, ParameterMaxVersionLimitExceeded; user guide, "Working with parameter
 * versions"). Labels, which stop that deletion, are not modelled: the action sets none.
 */
const KEPT_VERSIONS = 100;

export interface SsmOptions {
  account: string;
  region: string;
  /** Whether an image exists in this region, for the aws:ec2:image data type. */
  imageExists: (imageId: string) => boolean;
  /** The stand-in's clock (a test's virtual one, or the wall clock). */
  now?: () => number;
}

export function createSsm(options: SsmOptions) {
  const parameters = new Map<string, Parameter>();
  const now = options.now ?? Date.now;
  // Checks under way, done on the stand-in's clock at its next tick (a request, or its timer).
  const pending: { at: number; run: () => void }[] = [];
  const tick = (all = false) => {
    for (const entry of pending.filter((p) => all || p.at <= now())) {
      pending.splice(pending.indexOf(entry), 1);
      entry.run();
    }
  };
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
      /*
       * Description is optional; what an overwrite that gives none does to the description is not
       * documented: here the new version keeps the one before (the action always gives one).
       */
      const description = body.Description === undefined ? existing?.description : String(body.Description);
      const store = () => {
        const current = { value, version, dataType, tier, type: String(body.Type ?? 'String'), modified: new Date(now()), description };
        const history = [...(parameters.get(name)?.history ?? []), current].slice(-KEPT_VERSIONS);
        parameters.set(name, { name, ...current, history });
      };
      if (dataType === 'aws:ec2:image') {
        // The exact words of the format error are not documented.
        if (!/^ami-[0-9a-f]{8}(?:[0-9a-f]{9})?$/.test(value)) throw validation(`Parameter value ${value} is not a valid AMI ID`);
        pending.push({ at: now() + 50, run: () => options.imageExists(value) && store() });
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
    /*
     * GetParameterHistory (API reference): every kept version with its value and description,
     * MaxResults 1 to 50 per page with NextToken; ParameterNotFound for a name that does not exist.
     * The order of the versions is not documented: here oldest first, as the console lists them
     * (the action sorts by Version itself); nor are the words of the MaxResults refusal (here the
     * form of AWS's other input validation errors).
     */
    GetParameterHistory: (body) => {
      const p = parameters.get(String(body.Name ?? ''));
      if (!p) throw new ApiError('ParameterNotFound', '');
      const max = body.MaxResults === undefined ? 50 : Number(body.MaxResults);
      if (!Number.isInteger(max) || max < 1 || max > 50)
        throw validation(
          `1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50`,
        );
      const start = body.NextToken === undefined ? 0 : Number(body.NextToken);
      const page = p.history.slice(start, start + max);
      return {
        Parameters: page.map((v) => ({
          Name: p.name,
          Type: v.type,
          Value: v.value,
          Version: v.version,
          Description: v.description,
          LastModifiedDate: v.modified.getTime() / 1000,
          Tier: v.tier,
          DataType: v.dataType,
          Labels: [],
        })),
        NextToken: start + max < p.history.length ? String(start + max) : undefined,
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
    tick: () => tick(),
    value: (name: string) => parameters.get(name)?.value,
    /** The parameters holding an image id (data type aws:ec2:image), for DescribeImageReferences. */
    imageParameters: () => [...parameters.values()].filter((p) => p.dataType === 'aws:ec2:image').map((p) => ({ name: p.name, value: p.value })),
    /** A parameter the user made before the run, as they made it. */
    put: (p: { name: string; value: string; dataType?: string; type?: string; tier?: string; description?: string }) => {
      const version = { version: 1, dataType: 'text', type: 'String', tier: 'Standard', modified: new Date(now()), ...p };
      parameters.set(p.name, { ...version, history: [version] });
    },
    parameter: (name: string) => parameters.get(name),
    /** Finishes the validations under way. */
    settled: () => Promise.resolve(tick(true)),
  };
}

export type Ssm = ReturnType<typeof createSsm>;
