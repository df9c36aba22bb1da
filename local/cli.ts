/**
 * The local instance from a shell:
 *   npm run local            build (or reuse) the image, boot it, print how to reach it, stop on Ctrl-C
 *   npm run local -- build   only build the image
 */
import * as path from 'node:path';
import { buildImage } from './image';
import { DEFAULT_CACHE, startLocalInstance } from './instance';

async function main(): Promise<void> {
  const platformDir = path.resolve(process.env.PLATFORM_DIR ?? path.join(__dirname, '../platform'));
  if (process.argv[2] === 'build') {
    const image = await buildImage(platformDir, DEFAULT_CACHE, (l) => process.stderr.write(l + '\n'));
    process.stdout.write(`${image.disk}\n`);
    return;
  }
  const instance = await startLocalInstance({ platformDir });
  process.stdout.write(
    [
      `ssh -i ${instance.keyPath} -o UserKnownHostsFile=${instance.knownHostsPath} -p ${instance.sshPort} ubuntu@127.0.0.1`,
      `curl http://127.0.0.1:${instance.httpPort}/`,
      'Press Ctrl-C to stop it.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await instance.stop();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});
