/**
 * Every kind of resource a run makes, each written in the module that makes
 * it. The teardown, the post step and the sweep go through this table; a new
 * kind is a new entry here (the compiler refuses a `Resource` without one).
 */
import { BUILDER_KIND } from '../builders/elastic-beanstalk/builder';
import { PACKER_BUILD_KIND } from '../builders/packer/leftovers';
import { IMAGE_COPY_KIND } from '../release/copy';
import { kindOf, KindTable } from '../resources/kind';
import type { Resource } from '../resources/ledger';
import { SMOKE_KINDS } from '../smoke/teardown';

export const RESOURCE_KINDS: KindTable = {
  'builder-environment': BUILDER_KIND,
  'packer-build': PACKER_BUILD_KIND,
  'image-copy': IMAGE_COPY_KIND,
  ...SMOKE_KINDS,
};

/** Human words for a recorded resource, for the log and the summary. */
export const describeResource = (r: Resource): string => kindOf(RESOURCE_KINDS, r).describe(r);
