// The upload page's script: src/serve/page/ bundled by esbuild, served as /assets/upload.js.
import { browserScript, buildBrowserScript, type BrowserScript } from '../report/html/browser-script.js';

const UPLOAD_PAGE: BrowserScript = { sourceDir: 'src/serve/page', entry: 'main.ts', asset: 'dist/serve-page/upload.js', shared: ['src/serve/byte-size.ts'] };

export const buildPageScript = (): string => buildBrowserScript(UPLOAD_PAGE);

export const pageScript = (): string => browserScript(UPLOAD_PAGE);
