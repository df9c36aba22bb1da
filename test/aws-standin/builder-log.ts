/**
 * How Elastic Beanstalk's builder writes Packer's output to CloudWatch Logs: it runs Packer with
 * machine-readable output (`timestamp,target,type,data…`, commas in the data as `%!(PACKER_COMMA)`,
 * newlines as `\n`: Packer's docs, "Machine-readable output") and logs each line through its own
 * Ruby logger, so a line reads
 * `I, [2017-11-21T19:13:21.560213+0000#29667]  INFO -- Packer: 1511291601,,ui,message,    HVM AMI builder: …`
 * (the form the EB CLI's own tests parse, aws/aws-elastic-beanstalk-cli
 * tests/unit/operations/test_platformops.py). The engines hand over Packer's lines as a person reads
 * them; this writes each as the builder would.
 */

/** The process id the builder's logger prints (any; the real one is the builder's Ruby process). */
const PID = 29667;

export function builderLogLine(human: string, at: Date = new Date()): string {
  const type = /^==> |^--> |^Build '/.test(human) ? 'say' : 'message';
  const data = human.replace(/,/g, '%!(PACKER_COMMA)').replace(/\n/g, '\\n');
  const stamp = at.toISOString().replace('Z', '000+0000');
  return `I, [${stamp}#${PID}]  INFO -- Packer: ${Math.floor(at.getTime() / 1000)},ebpacker,ui,${type},${data}`;
}
