/**
 * EC2's DescribeImageReferences (API reference; EC2 user guide, "Identify your
 * resources referencing specified AMIs"): which of the caller's resources use
 * each of at most 10 images. Resource types ec2:Instance (option state-name:
 * the states to look at, all by default), ec2:LaunchTemplate (option
 * version-depth: the newest N versions, 10 by default, 1 to 10000) and
 * ssm:Parameter (parameters of data type aws:ec2:image); Image Builder's
 * recipes exist in no stand-in. Whether a launch template version whose image
 * is `resolve:ssm:NAME` counts is not documented: here it does not (the
 * parameter itself is a reference). Elastic Beanstalk environments and launch
 * configurations are not among the types.
 */
import { ApiError } from './protocol';
import type { XmlValue } from './xml';

export interface ReferenceSources {
  account: string;
  region: string;
  instances: () => { id: string; imageId: string; state: string }[];
  launchTemplates: () => { id: string; versions: string[] }[];
  imageParameters: () => { name: string; value: string }[];
}

const TYPES = ['ec2:Instance', 'ec2:LaunchTemplate', 'ssm:Parameter', 'imagebuilder:ImageRecipe', 'imagebuilder:ContainerRecipe'];

/** `ResourceType.N.ResourceType` with its `ResourceTypeOption.M.OptionName` / `.OptionValue.K`, in N order. */
function resourceTypes(p: URLSearchParams): { type: string; options: Record<string, string[]> }[] {
  const byIndex = new Map<string, { type: string; options: Record<string, string[]> }>();
  const entry = (n: string) => byIndex.get(n) ?? (byIndex.set(n, { type: '', options: {} }), byIndex.get(n)!);
  const names = new Map<string, string>();
  for (const [key, value] of p) {
    let m = /^ResourceType\.(\d+)\.ResourceType$/.exec(key);
    if (m) entry(m[1]).type = value;
    m = /^ResourceType\.(\d+)\.ResourceTypeOption\.(\d+)\.OptionName$/.exec(key);
    if (m) names.set(`${m[1]}.${m[2]}`, value);
  }
  for (const [key, value] of p) {
    const m = /^ResourceType\.(\d+)\.ResourceTypeOption\.(\d+)\.OptionValue\.\d+$/.exec(key);
    const name = m && names.get(`${m[1]}.${m[2]}`);
    if (m && name) (entry(m[1]).options[name] ??= []).push(value);
  }
  return [...byIndex.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
}

export function describeImageReferences(sources: ReferenceSources) {
  return (p: URLSearchParams): XmlValue => {
    const imageIds = [...p.entries()].filter(([k]) => /^ImageId\.\d+$/.test(k)).map(([, v]) => v);
    if (!imageIds.length || imageIds.length > 10) throw new ApiError('InvalidParameterValue', `ImageId takes 1 to 10 items, not ${imageIds.length}`);
    const asked = p.get('IncludeAllResourceTypes') === 'true' ? TYPES.map((type) => ({ type, options: {} as Record<string, string[]> })) : resourceTypes(p);
    if (!asked.length) throw new ApiError('MissingParameter', 'Either IncludeAllResourceTypes or ResourceTypes must be specified.');
    const refs: { imageId: string; resourceType: string; arn: string }[] = [];
    const arn = (what: string) => `arn:aws:ec2:${sources.region}:${sources.account}:${what}`;
    for (const { type, options } of asked) {
      if (!TYPES.includes(type)) throw new ApiError('InvalidParameterValue', `Invalid resource type ${type}`);
      if (type === 'ec2:Instance') {
        const states = options['state-name'];
        for (const i of sources.instances())
          if (imageIds.includes(i.imageId) && (!states || states.includes(i.state)))
            refs.push({ imageId: i.imageId, resourceType: type, arn: arn(`instance/${i.id}`) });
      }
      if (type === 'ec2:LaunchTemplate') {
        const depth = Number(options['version-depth']?.[0] ?? 10);
        if (!Number.isInteger(depth) || depth < 1 || depth > 10000)
          throw new ApiError('InvalidParameterValue', `version-depth must be from 1 to 10000, not ${depth}`);
        for (const t of sources.launchTemplates()) {
          const newest = t.versions.slice(-depth);
          for (const id of new Set(newest)) if (imageIds.includes(id)) refs.push({ imageId: id, resourceType: type, arn: arn(`launch-template/${t.id}`) });
        }
      }
      if (type === 'ssm:Parameter') {
        for (const s of sources.imageParameters())
          if (imageIds.includes(s.value))
            refs.push({
              imageId: s.value,
              resourceType: type,
              arn: `arn:aws:ssm:${sources.region}:${sources.account}:parameter${s.name.startsWith('/') ? '' : '/'}${s.name}`,
            });
      }
    }
    return { imageReferenceSet: refs };
  };
}
