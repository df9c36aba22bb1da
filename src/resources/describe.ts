import type { Resource } from './ledger';

/** Human words for a recorded resource, for the log and the summary. */
export function describeResource(r: Resource): string {
  switch (r.kind) {
    case 'builder-environment':
      return `builder environment ${r.environmentName} (${r.region})`;
    case 'instance':
      return `instance ${r.instanceId ?? `with client token ${r.clientToken}`} (${r.region})`;
    case 'security-group':
      return `security group ${r.groupId ?? r.groupName} (${r.region})`;
    case 'key-pair':
      return `key pair ${r.keyName} (${r.region})`;
    case 'packer-build':
      return `what Packer's build ${r.build} may have left (${r.region})`;
    case 'image-copy':
      return `copy ${r.imageId ?? `with client token ${r.clientToken}`} of ${r.sourceImageId} (${r.region})`;
  }
}
