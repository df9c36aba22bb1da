/**
 * EC2 as the action and Packer's amazon-ebs builder call it: regions, the
 * default VPC and subnet, key pairs, security groups, instances (behind a
 * machine backend), volumes, images and snapshots, tags. Shapes and element
 * names follow the API model (botocore ec2/2016-11-15, the `locationName` of
 * each member); error codes are EC2's documented ones.
 *
 * One module a resource family (ec2/), as moto lays EC2 out, over one shared
 * state (ec2/state.ts) and one clock; this entry merges their answers into the
 * one router the server calls.
 */
import { createState, Ec2Options, Handlers } from './ec2/state';
import { networkBackend } from './ec2/network';
import { keyPairBackend } from './ec2/key-pairs';
import { securityGroupBackend } from './ec2/security-groups';
import { instanceBackend } from './ec2/instances';
import { imageBackend } from './ec2/images';
import { launchTemplateBackend } from './ec2/launch-templates';
import { tagBackend } from './ec2/tags';

export { CANONICAL, DEFAULT_SUBNET, DEFAULT_VPC } from './ec2/state';
export type { Ec2Options, Image, LaunchTemplate, Tags } from './ec2/state';

export function createEc2(options: Ec2Options) {
  const state = createState(options);
  const network = networkBackend(state);
  const keyPairs = keyPairBackend(state);
  const securityGroups = securityGroupBackend(state);
  const instances = instanceBackend(state);
  const images = imageBackend(state);
  const launchTemplates = launchTemplateBackend(state);
  const tags = tagBackend(state);

  const handlers: Handlers = {
    ...network.handlers,
    ...keyPairs.handlers,
    ...securityGroups.handlers,
    ...instances.handlers,
    ...images.handlers,
    ...launchTemplates.handlers,
    ...tags.handlers,
  };

  if (options.noImageReferences) delete handlers.DescribeImageReferences;

  return {
    handlers,
    /** Moves what runs on the stand-in's clock without being asked (an image copy). */
    tick: images.tick,
    registerImage: images.registerImage,
    images: images.images,
    snapshots: images.snapshots,
    keyPairs: keyPairs.keyPairs,
    imageFor: images.imageFor,
    addLaunchTemplate: launchTemplates.addLaunchTemplate,
    instances: instances.instances,
    instance: instances.instance,
    setImageState: images.setImageState,
    /** What a run created and did not remove. */
    leftovers(): string[] {
      return [...instances.leftovers(), ...securityGroups.leftovers(), ...keyPairs.leftovers()];
    },
  };
}

export type Ec2 = ReturnType<typeof createEc2>;
