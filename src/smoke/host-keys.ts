/**
 * Host keys from an instance's console output. cloud-init prints them between
 * `-----BEGIN SSH HOST KEY KEYS-----` and `-----END SSH HOST KEY KEYS-----`
 * (and fingerprints in a second block), so the SSH client can pin them
 * instead of trusting the first key it is shown.
 */
export function hostKeysFromConsole(output: string): string[] {
  const keys: string[] = [];
  const re = /-----BEGIN SSH HOST KEY KEYS-----([\s\S]*?)-----END SSH HOST KEY KEYS-----/g;
  for (const block of output.matchAll(re)) {
    for (const line of block[1].split(/\r?\n/)) {
      // Console lines may carry a prefix (a timestamp, "ec2: "); keep from the key type on.
      const m = /((?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com)\s+[A-Za-z0-9+/=]+)/.exec(line);
      if (m && !keys.includes(m[1])) keys.push(m[1]);
    }
  }
  return keys;
}

/** Signs on the console that sshd failed to start for a reason other than a slow boot. */
export function sshdTrouble(output: string): string | undefined {
  if (/Missing privilege separation directory: \/(var\/)?run\/sshd/.test(output)) {
    return 'sshd could not start: /run/sshd (privilege separation directory) is missing on the image';
  }
  if (/Failed to start .*(OpenSSH|ssh\.service|sshd)/i.test(output)) return 'the console shows the SSH service failing to start';
  return undefined;
}
