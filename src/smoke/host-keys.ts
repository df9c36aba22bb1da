import { createHash } from 'node:crypto';

/**
 * Host keys and their fingerprints from an instance's console output.
 *
 * cloud-init's `write-ssh-key-fingerprints` pipes two blocks through
 * `logger --stderr -t ec2`, so each line may carry a `<14>Mon DD HH:MM:SS ec2: `
 * prefix (and kernel messages may be interleaved):
 *
 *   -----BEGIN SSH HOST KEY FINGERPRINTS-----
 *   256 SHA256:… root@ip-… (ED25519)
 *   -----END SSH HOST KEY FINGERPRINTS-----
 *   -----BEGIN SSH HOST KEY KEYS-----
 *   ssh-ed25519 AAAA… root@ip-…
 *   -----END SSH HOST KEY KEYS-----
 *
 * Either block lets the SSH client pin the host instead of trusting the first
 * key it is shown. A block still being written (no END yet) counts as absent.
 */

const KEY_TYPES =
  /((?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(?:256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com)\s+[A-Za-z0-9+/]+={0,2})(?=\s|$)/;

function blocks(output: string, what: string): string[][] {
  const re = new RegExp(`-----BEGIN SSH HOST KEY ${what}-----([\\s\\S]*?)-----END SSH HOST KEY ${what}-----`, 'g');
  return [...output.matchAll(re)].map((m) => m[1].split(/\r?\n/));
}

/** Public host keys (`type base64`) the console printed, in order, without duplicates. */
export function hostKeysFromConsole(output: string): string[] {
  const keys: string[] = [];
  for (const lines of blocks(output, 'KEYS')) {
    for (const line of lines) {
      const m = KEY_TYPES.exec(line);
      if (m) {
        const key = m[1].replace(/\s+/, ' ');
        if (!keys.includes(key)) keys.push(key);
      }
    }
  }
  return keys;
}

/** Fingerprints (`SHA256:…` or `MD5:aa:bb:…`) the console printed. */
export function hostFingerprintsFromConsole(output: string): string[] {
  const prints: string[] = [];
  for (const lines of blocks(output, 'FINGERPRINTS')) {
    for (const line of lines) {
      // `ssh-keygen -l` prints "BITS HASH COMMENT (TYPE)"; very old images print a bare MD5 hex.
      const m = /\b\d{3,5}\s+(SHA256:[A-Za-z0-9+/]{43}|MD5:(?:[0-9a-f]{2}:){15}[0-9a-f]{2}|(?:[0-9a-f]{2}:){15}[0-9a-f]{2})(?=\s|$)/.exec(line);
      if (m) {
        const print = /^[0-9a-f]{2}:/.test(m[1]) ? `MD5:${m[1]}` : m[1];
        if (!prints.includes(print)) prints.push(print);
      }
    }
  }
  return prints;
}

/** The fingerprint ssh-keygen -l shows for a public key (`type base64 [comment]`). */
export function fingerprint(publicKey: string, hash: 'SHA256' | 'MD5' = 'SHA256'): string {
  const blob = Buffer.from(publicKey.trim().split(/\s+/)[1] ?? '', 'base64');
  if (hash === 'MD5') {
    const hex = createHash('md5').update(blob).digest('hex');
    return 'MD5:' + hex.match(/../g)!.join(':');
  }
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

/** Whether a key's fingerprint, in the hash the console used, is among the console's fingerprints. */
export function matchesFingerprint(publicKey: string, prints: string[]): boolean {
  return prints.some((p) => p === fingerprint(publicKey, p.startsWith('MD5:') ? 'MD5' : 'SHA256'));
}

/** Signs on the console that sshd failed to start for a reason other than a slow boot. */
export function sshdTrouble(output: string): string | undefined {
  if (/Missing privilege separation directory: \/(var\/)?run\/sshd/.test(output)) {
    return 'sshd could not start: its privilege separation directory /run/sshd (/var/run/sshd) is missing on the image';
  }
  if (/Failed to start .*(OpenSSH|ssh\.service|sshd)/i.test(output)) return 'the console shows the SSH service failing to start';
  if (/sshd.*(no hostkeys available|Could not load host key)/i.test(output)) return 'sshd has no usable host keys';
  return undefined;
}
