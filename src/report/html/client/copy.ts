// A Copy button on each fix command. Without the script the command is still one click to
// select (user-select: all); without clipboard access the button selects it.
import { button } from './dom.js';

export function addCopyButtons(): void {
  for (const pre of document.querySelectorAll<HTMLPreElement>('pre.cmd')) {
    const code = pre.querySelector('code');
    if (code === null) continue;
    const b = button('Copy', 'Copy this command', () => {
      const select = (): void => {
        const range = document.createRange();
        range.selectNodeContents(code);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        b.textContent = 'Selected: press Ctrl+C';
      };
      const done = (): void => {
        b.textContent = 'Copied';
        setTimeout(() => (b.textContent = 'Copy'), 1500);
      };
      if (navigator.clipboard === undefined) select();
      else navigator.clipboard.writeText(code.textContent ?? '').then(done, select);
    });
    b.className = 'copy';
    pre.append(b);
  }
}
