// The report page's script: src/report/html/client/ with Observable Plot inside, inlined into the
// HTML report. `npm run build` writes it to dist/report-client/report.js.
import { browserScript, buildBrowserScript, type BrowserScript } from './browser-script.js';

const REPORT_CLIENT: BrowserScript = {
  sourceDir: 'src/report/html/client',
  entry: 'main.ts',
  asset: 'dist/report-client/report.js',
  shared: ['src/report/html/picture-types.ts'],
};

export const buildClientScript = (): string => buildBrowserScript(REPORT_CLIENT);

/** The script to inline: the built asset, rebuilt first if the sources are newer. */
export const clientScript = (): string => browserScript(REPORT_CLIENT);
