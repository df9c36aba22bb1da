/** Splits `items` into lists of at most `size`, for calls that take a bounded list (10 images, 200 filter values). */
export function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
