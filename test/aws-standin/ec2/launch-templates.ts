/** Launch templates and their versions (an image id, or resolve:ssm:NAME resolved through the region's SSM parameters). */
import { ApiError, scalars } from '../protocol';
import { Ec2State, Handlers, id, LaunchTemplate } from './state';

export function launchTemplateBackend(ec2: Ec2State) {
  const { options, account, launchTemplates } = ec2;

  const handlers: Handlers = {
    DescribeLaunchTemplates: (p) => {
      const names = scalars(p, 'LaunchTemplateName');
      const found = [...launchTemplates.values()].filter((t) => !names.length || names.includes(t.name));
      return {
        launchTemplates: found.map((t) => ({
          launchTemplateId: t.id,
          launchTemplateName: t.name,
          createTime: t.createTime,
          createdBy: `arn:aws:iam::${account}:root`,
          defaultVersionNumber: t.defaultVersion,
          latestVersionNumber: t.versions.length,
        })),
      };
    },
    // Versions may be numbers, $Default or $Latest; ResolveAlias shows the image a resolve:ssm: value resolves to (API reference).
    DescribeLaunchTemplateVersions: (p) => {
      const t = launchTemplates.get(p.get('LaunchTemplateId') ?? '') ?? [...launchTemplates.values()].find((x) => x.name === p.get('LaunchTemplateName'));
      if (!t)
        throw new ApiError('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${p.get('LaunchTemplateId')}, does not exist.`);
      const asked = scalars(p, 'LaunchTemplateVersion');
      const numbers = asked.length
        ? [...new Set(asked.map((v) => (v === '$Default' ? t.defaultVersion : v === '$Latest' ? t.versions.length : Number(v))))]
        : t.versions.map((_, i) => i + 1);
      return {
        launchTemplateVersionSet: numbers.map((n) => {
          const image = t.versions[n - 1];
          const reference = /^resolve:ssm:(.+)$/.exec(image ?? '');
          const resolved = reference && p.get('ResolveAlias') === 'true' ? (options.parameter?.(reference[1]) ?? image) : image;
          return {
            launchTemplateId: t.id,
            launchTemplateName: t.name,
            versionNumber: n,
            createTime: t.createTime,
            defaultVersion: n === t.defaultVersion,
            launchTemplateData: { imageId: resolved },
          };
        }),
      };
    },
  };

  return {
    handlers,
    /** A launch template, as a test sets one up: each version's image id or resolve:ssm:NAME. */
    addLaunchTemplate(name: string, versions: string[], defaultVersion = 1): LaunchTemplate {
      const t: LaunchTemplate = { id: id('lt'), name, createTime: new Date(), versions, defaultVersion };
      launchTemplates.set(t.id, t);
      return t;
    },
  };
}
