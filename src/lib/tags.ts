/** The value of one tag in an AWS tag list (EC2's Tags, TagSet), if it is there. */
export function tagValue(tags: { Key?: string; Value?: string }[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.Key === key)?.Value;
}
