import { expect, test } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { renderReport } from '../../src/report/render.js';

test('the HTML report carries the node configuration: drift table, checks, effective values', async () => {
  const d = await analyze({ inputs: ['samples/node-config-drift'] });
  const page = renderReport(d, { format: 'html' });
  const section = page.slice(page.indexOf('<section id="config"'), page.indexOf('</section>', page.indexOf('<section id="config"')));
  expect(section).toContain('Drift between nodes');
  for (const key of d.drift?.keys.map((k) => k.key) ?? []) expect(section).toContain(`>${key}<`);
  expect(d.drift?.keys.map((k) => k.key)).toEqual(['cgroupDriver', 'clusterDNS']);
  expect(section).toMatch(/swap/i);
  expect(page).toContain('<a href="#config">Configuration</a>');
});

test('a bundle without configuration has no configuration section', async () => {
  const d = await analyze({ inputs: ['samples/kube-client-errors'] });
  expect(renderReport(d, { format: 'html' })).not.toContain('<section id="config"');
});
