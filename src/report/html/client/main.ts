// The page's script, bundled into the report by esbuild. The page is complete without it; this
// draws the timeline picture into #kf-picture (with zoom and pan), adds a Copy button to each fix
// command and a "Show in timeline" button to each finding with a timed incident.
import { PICTURE_DATA_ID, type PictureData } from '../picture-types.js';
import { addCopyButtons } from './copy.js';
import { button } from './dom.js';
import { mountTimeline } from './timeline.js';

const island = document.getElementById(PICTURE_DATA_ID)?.textContent;
const data = island ? (JSON.parse(island) as PictureData) : null;
const root = document.getElementById('kf-picture');
addCopyButtons();
const showSpans = data === null || root === null ? null : mountTimeline(root, data);
if (data !== null && showSpans !== null) {
  for (const article of document.querySelectorAll<HTMLElement>('article.finding')) {
    const spans = data.spans.filter((s) => s.finding === article.id);
    if (spans.length === 0) continue;
    article.querySelector('.head')?.append(button('Show in timeline', `Show ${article.dataset['pattern'] ?? article.id} in the timeline`, () => showSpans(spans)));
  }
}
