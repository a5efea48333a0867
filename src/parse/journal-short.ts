// journalctl -o short (the default) and -o short-precise, as systemd's logs-show.c writes them:
// strftime("%b %d %H:%M:%S") in the reader's locale, ".%06u" added for -precise:
//   Apr 01 12:13:41 idc-k8s-01 kubelet[128468]: E0526 12:13:41.801997  128468 certificate_manager.go:385] Failed while requesting a signed certificate from the master: cannot create certificate signing request: certificatesigningrequests.certificates.k8s.io is forbidden: User "system:bootstrap:82jfrm" cannot create resource "certificatesigningrequests" in API group "certificates.k8s.io" at the cluster scope
//   Apr 14 19:07:33.590507 ci-op-j3hh76if-b2c4f-spvvq-master-2 hyperkube[1539]: I0414 19:07:33.590419    1539 certificate_manager.go:263] …
//   nov. 22 17:38:39 vm systemd-journald[7505]: Journal started      (fr_FR, journalctl 252)
//    4月 01 12:13:41 …   (ja_JP pads one-digit months to two columns: glibc 2.36 strftime "%b %d")
// Neither year nor zone is written: the stamp is 'yearless'; normalize infers both.
import { isValidDate, precisionOfDigits } from '../model/time.js';
import { journalTextParser, type TimeReading } from './journal-text.js';
import { monthNumber } from './month-names.js';

// Flag u for \p{L} (févr., мая, marras). The day is "%d" (zero-padded) from journalctl, but
// other tools and hand edits pad with a space. Only the time is matched; the rest is sliced off,
// which is cheaper than capturing it and keeps U+2028 and every other character.
const SHORT = /^ ?(\p{L}{2,8}\.?|\d{1,2}[月월]) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))? /u;

function readShortTime(text: string): TimeReading {
  const m = SHORT.exec(text);
  if (m === null) return { kind: 'skip', reason: 'no journal short timestamp' };
  const [time, name = '', dd, h, mi, s, frac] = m;
  const month = monthNumber(name);
  if (month === undefined) return { kind: 'skip', reason: 'unknown month name' };
  const day = Number(dd);
  const hour = Number(h);
  const min = Number(mi);
  const sec = Number(s);
  // 2000 is a leap year, so 29 February passes; the real year is unknown here.
  if (!isValidDate(2000, month, day) || hour > 23 || min > 59 || sec > 60) return { kind: 'skip', reason: 'impossible date or time' };
  const stamp = {
    kind: 'yearless', month, day, secOfDay: hour * 3600 + min * 60 + sec,
    nsec: Number((frac ?? '').padEnd(9, '0')), precision: precisionOfDigits(frac?.length ?? 0),
  } as const;
  return { kind: 'time', stamp, rest: text.slice(time.length) };
}

export const journalShort = journalTextParser('journal-short', readShortTime);
