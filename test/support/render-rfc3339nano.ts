// Go's time.RFC3339Nano as container runtimes write it: trailing zeros of the fraction dropped,
// `Z` for UTC or a `+hh:mm` offset for local time. Only tests use it.
import { formatInstant, type Instant } from '../../src/model/time.js';

export function formatRfc3339Nano(at: Instant, offsetMin = 0, forceOffset = false): string {
  const local = formatInstant({ sec: at.sec + offsetMin * 60, nsec: at.nsec }, 'ns').slice(0, -1);
  const [whole = '', frac = ''] = local.split('.');
  const trimmed = frac.replace(/0+$/, '');
  const zone = offsetMin === 0 && !forceOffset ? 'Z' : offsetText(offsetMin);
  return `${whole}${trimmed === '' ? '' : `.${trimmed}`}${zone}`;
}

function offsetText(min: number): string {
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
