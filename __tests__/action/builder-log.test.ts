/**
 * Elastic Beanstalk's builder log, as it reaches CloudWatch Logs: Packer's
 * machine-readable lines inside the builder's own logger. The failure reader
 * takes both layers off, on a line in the form the EB CLI's own tests parse and
 * on what the stand-in writes, read over the wire.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { builderLogText, packerLogTail } from '../../src/builders/elastic-beanstalk/failure';
import { builderLogLine } from '../../test/aws-standin/builder-log';
import { startStandin } from '../../test/aws-standin/server';
import { standinClients } from '../helpers/standin-clients';

describe("the builder's log", () => {
  it("reads a line as the EB CLI's tests show it (tests/unit/operations/test_platformops.py)", () => {
    expect(
      builderLogText(
        'I, [2017-11-21T19:13:21.560213+0000#29667]  INFO -- Packer: 1511291601,,ui,message,    HVM AMI builder: E: Unable to locate package docker-ce',
      ),
    ).toEqual(['    HVM AMI builder: E: Unable to locate package docker-ce']);
    expect(builderLogText('I, [2017-11-21T19:13:21.560213+0000#29667]  INFO -- Packer: 1511291601,,ui,say,==> a%!(PACKER_COMMA) b\\nc')).toEqual([
      '==> a, b',
      'c',
    ]);
    // Machine lines that are not for a person, and lines that are not Packer's, as they are.
    expect(builderLogText('I, [2017-11-21T19:13:21.560213+0000#29667]  INFO -- Packer: 1511291601,ebpacker,artifact-count,1')).toEqual([]);
    expect(builderLogText('plain text')).toEqual(['plain text']);
  });

  it("gives the failing provisioner's last lines from the stand-in's log, which writes each line as the builder does", async () => {
    const standin = await startStandin({});
    const clients = standinClients(standin, 'eu-west-1');
    try {
      const at = new Date('2026-12-04T12:00:00Z');
      const lines = [
        '==> ebpacker: Provisioning with shell script: /tmp/packer-shell1',
        '    ebpacker: ==> 20-docker.sh',
        '    ebpacker: E: Unable to locate package docker-ce, nor docker.io',
        '==> ebpacker: Provisioning step had errors: Running the cleanup provisioner, if present...',
        '==> ebpacker: Terminating the source AWS instance...',
      ];
      expect(builderLogLine(lines[2], at)).toBe(
        'I, [2026-12-04T12:00:00.000000+0000#29667]  INFO -- Packer: 1796385600,ebpacker,ui,message,    ebpacker: E: Unable to locate package docker-ce%!(PACKER_COMMA) nor docker.io',
      );
      for (const l of lines) standin.logs.append('/aws/elasticbeanstalk/platform/web', '1.0.0', builderLogLine(l, at));
      const tail = await packerLogTail(clients.get(CloudWatchLogsClient), 'web', '1.0.0');
      expect(tail).toEqual({
        lines: [
          '==> ebpacker: Provisioning with shell script: /tmp/packer-shell1',
          '    ebpacker: ==> 20-docker.sh',
          '    ebpacker: E: Unable to locate package docker-ce, nor docker.io',
        ],
      });
    } finally {
      clients.destroy();
      await standin.stop();
    }
  });
});
