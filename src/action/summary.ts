import type { RunReport } from '../pipeline';

function seconds(ms: number): string {
  return ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function stepResult(s: RunReport['steps'][number]): string {
  const warned = s.warnings ? `, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}` : '';
  return s.ok ? (warned ? `⚠️ ok${warned}` : 'ok') : `failed${warned}`;
}

/** The summary of a run refused for its inputs: each error, and that nothing was done. */
export function renderInputErrors(platformName: string, errors: string[], warnings: string[] = []): string {
  return [
    `## Elastic Beanstalk custom platform ${platformName ? `\`${cell(platformName)}\` ` : ''}❌ refused: ${errors.length === 1 ? 'an input is' : `${errors.length} inputs are`} invalid`,
    '',
    ...errors.map((e) => `- ${cell(e)}`),
    '',
    'Nothing was done: no AWS call was made, nothing was packaged or created. Fix the inputs above and run again.',
    '',
    ...(warnings.length ? [`**Warnings** (${warnings.length})`, '', ...warnings.map((w) => `- ⚠️ ${cell(w)}`), ''] : []),
  ].join('\n');
}

/** The most changed packages the summary lists; the SBOM files hold all. */
const MAX_CHANGES = 50;

function sbomLines(sbom: NonNullable<RunReport['sbom']>): string[] {
  const out = [
    `**SBOM** (CycloneDX 1.5, the \`sbom-path\` output): ${sbom.packages} packages (${sbom.packageManager ?? 'no package manager found'}), ${cell(sbom.os ?? 'unknown OS')}, kernel ${cell(sbom.kernel)}${sbom.docker ? `, Docker ${cell(sbom.docker)}` : ''}`,
    '',
  ];
  const since = sbom.since;
  if (!since) return out;
  const { added, removed, changed } = since.changes;
  out.push(
    `Since ${since.imageId ?? 'the previous image'}${since.version ? ` (${cell(since.version)})` : ''}${since.verified ? '' : " (its SBOM not verified against the image's tag)"}: ${changed.length} changed, ${added.length} added, ${removed.length} removed`,
    '',
  );
  const rows = [
    ...changed.map((c) => `| ${cell(c.name)} | ${cell(c.from)} | ${cell(c.to)} |`),
    ...added.map((a) => `| ${cell(a)} | — | added |`),
    ...removed.map((r) => `| ${cell(r)} | removed | — |`),
  ];
  if (rows.length) out.push('| Package | Before | After |', '| --- | --- | --- |', ...rows.slice(0, MAX_CHANGES), '');
  if (rows.length > MAX_CHANGES) out.push(`…and ${rows.length - MAX_CHANGES} more (compare the two SBOM files).`, '');
  return out;
}

function headline(report: RunReport, error?: string): string {
  if (error) return report.rolledBack ? '❌ rollback failed' : '❌ failed';
  if (report.plan) return '📝 dry run';
  if (report.rolledBack) return '↩️ rolled back';
  return report.reused ? '♻️ reused (built from the same inputs before: no build, no smoke test)' : '✅ built';
}

/** The job summary as Markdown: what was built, how long each step took, the smoke checks, what was torn down. */
export function renderSummary(report: RunReport, error?: string): string {
  const rows: [string, string][] = [
    ['Platform', report.platformName],
    ['Version', report.version ?? '—'],
    ['ARN', report.platformArn ?? '—'],
    ['AMI', report.amiId ?? '—'],
    ['Bundle SHA-256', report.bundle?.sha256 ?? '—'],
  ];
  if (report.bundle?.key) rows.push(['Bundle', report.bundle.key]);
  const out = [
    `## Elastic Beanstalk custom platform ${headline(report, error)}`,
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | \`${cell(v)}\` |`),
    '',
  ];
  if (error) out.push('**Error**', '', '```', error, '```', '');
  if (report.steps.length) {
    out.push('| Step | Result | Duration |', '| --- | --- | --- |');
    for (const s of report.steps) out.push(`| ${cell(s.name)} | ${stepResult(s)} | ${seconds(s.ms)} |`);
    out.push('');
  }
  if (report.warnings.length) out.push(`**Warnings** (${report.warnings.length})`, '', ...report.warnings.map((w) => `- ⚠️ ${cell(w)}`), '');
  if (report.plan) out.push('**Plan**', '', '```', ...report.plan, '```', '');
  if (report.smoke) {
    out.push(
      `**Smoke test** on ${report.smoke.instanceId ?? 'the instance'}${report.smoke.hostKeyPinned ? '' : ' (host key not pinned: trusted on first use)'}`,
      '',
    );
    out.push('| Check | Result | Duration | Output |', '| --- | --- | --- | --- |');
    for (const c of report.smoke.checks)
      out.push(`| ${cell(c.name)} | ${c.ok ? 'pass' : 'FAIL'} | ${seconds(c.durationMs)} | ${cell(c.excerpt.slice(0, 200))} |`);
    out.push('');
  }
  if (report.sbom) out.push(...sbomLines(report.sbom));
  if (report.amiIds && Object.keys(report.amiIds).length > 1) {
    out.push('| Region | Image |', '| --- | --- |', ...Object.entries(report.amiIds).map(([region, id]) => `| ${region} | \`${id}\` |`), '');
  }
  if (report.release.length) {
    out.push('**Release**', '', ...report.release.map((l) => `- ${cell(l)}`), '');
  }
  if (report.teardown.length) {
    out.push('**Teardown**', '');
    for (const t of report.teardown) out.push(`- ${t.what}: ${t.ok ? t.detail : `FAILED: ${t.detail}`}`);
    out.push('');
  }
  return out.join('\n');
}
