/** The value of one tag in an AWS tag list (EC2's Tags, TagSet), if it is there. */
export function tagValue(tags: { Key?: string; Value?: string }[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.Key === key)?.Value;
}

/** EC2 filters that match a resource carrying every one of `tags` (`tag:KEY` = VALUE, ANDed). */
export const tagFilters = (tags: Record<string, string>): { Name: string; Values: string[] }[] =>
  Object.entries(tags).map(([k, v]) => ({ Name: `tag:${k}`, Values: [v] }));
