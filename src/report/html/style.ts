// The page's stylesheet, inlined: system fonts only, light and dark from the system setting, and
// a print sheet (no controls, light colours, findings kept whole where they fit).
export const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--border:#d0d7de;--card:#f6f8fa;--accent:#0b57d0;
--critical:#c62828;--warning:#b26a00;--info:#1565c0;--confirmed:#1a7f37;--ruled-out:#9a6700;--undetermined:#6e7781;--link:#6f42c1;--mark:#1b1f24}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--border:#3d444d;--card:#161b22;--accent:#58a6ff;
--critical:#f47067;--warning:#e0a030;--info:#58a6ff;--confirmed:#57ab5a;--ruled-out:#c69026;--undetermined:#8b949e;--link:#b083f0;--mark:#e6edf3}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 20px}
header{padding-top:16px}
h1{font-size:1.6rem;margin:.2em 0}h2{font-size:1.3rem;margin:1.6em 0 .5em;border-bottom:1px solid var(--border);padding-bottom:.2em}
h3{font-size:1.1rem;margin:.2em 0}h4{font-size:1rem;margin:1em 0 .3em}h5{font-size:.85rem;margin:.6em 0 .2em}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:var(--bg);padding:4px 8px;z-index:10}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
nav.sections a{margin-right:1em}
.note{color:var(--muted);font-size:.9rem}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85rem}
.badge{display:inline-block;border:1px solid currentColor;border-radius:10px;padding:0 .5em;font-size:.78rem;font-weight:600;white-space:nowrap;vertical-align:middle}
.sev-critical .sev,.sev.critical{color:var(--critical)}.sev-warning .sev,.sev.warning{color:var(--warning)}.sev-info .sev,.sev.info{color:var(--info)}
.role.root{background:var(--fg);color:var(--bg);border-color:var(--fg)}
.status.active{color:var(--critical)}.status.resolved{color:var(--confirmed)}
ol.summary{list-style:none;padding:0;margin:0}
ol.summary>li{border:1px solid var(--border);border-left:6px solid var(--undetermined);border-radius:6px;padding:8px 12px;margin:8px 0;background:var(--card)}
li.sev-critical,article.sev-critical{border-left-color:var(--critical)!important}li.sev-warning,article.sev-warning{border-left-color:var(--warning)!important}li.sev-info,article.sev-info{border-left-color:var(--info)!important}
.head{display:flex;flex-wrap:wrap;gap:.5em;align-items:baseline}
.rank{font-weight:700;color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:0 1em;margin:.4em 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.why{margin:.3em 0;font-style:italic}
article.finding{border:1px solid var(--border);border-left:6px solid var(--undetermined);border-radius:6px;padding:10px 16px;margin:16px 0}
table{border-collapse:collapse;width:100%;margin:.4em 0}
th,td{border-bottom:1px solid var(--border);padding:3px 6px;text-align:left;vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
ol.evidence{list-style:none;padding:0;margin:.3em 0}
ol.evidence>li{border-top:1px solid var(--border);padding:4px 0}
ol.evidence>li:target{background:var(--card);outline:2px solid var(--accent)}
ol.evidence .cite{font-size:.8rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:0 1.2em}
ol.evidence .cite .where{color:var(--fg)}
code.line{display:block;white-space:pre-wrap;word-break:break-all}
.basis{color:var(--muted);font-size:.75rem;font-style:italic}
.table-wrap{overflow-x:auto}
ol.playbook{padding-left:1.4em}ol.playbook>li{margin:.5em 0}
.step-mark{font-weight:700;white-space:nowrap}
.step-confirmed .step-mark{color:var(--confirmed)}.step-ruled-out .step-mark{color:var(--ruled-out)}.step-not-determinable .step-mark{color:var(--undetermined)}
pre.cmd{position:relative;background:var(--card);border:1px solid var(--border);border-radius:6px;padding:8px 12px;overflow-x:auto;margin:.3em 0}
pre.cmd code{user-select:all}
pre.cmd button.copy{position:absolute;top:4px;right:4px}
button{font:inherit;font-size:.85rem;color:var(--fg);background:var(--card);border:1px solid var(--border);border-radius:6px;padding:2px 10px;cursor:pointer}
button:hover{border-color:var(--accent)}
.picture{margin:.5em 0}
.toolbar{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:.3em 0}
.toolbar output{margin-left:.5em;color:var(--muted);font-size:.85rem}
.plot-area{position:relative;outline-offset:4px;touch-action:none;cursor:grab}
.plot-area.dragging{cursor:grabbing}
.plot-area svg{max-width:100%;height:auto;overflow:visible}
.plot-area [data-kf-span],.plot-area [data-kf-mark]{cursor:pointer}
.plot-area [data-kf-span]:focus,.plot-area [data-kf-mark]:focus{outline:none;stroke:var(--accent);stroke-width:3px}
.metrics h4{margin:.6em 0 0;font-size:.85rem;font-weight:600;font-family:ui-monospace,monospace}
.legend{display:flex;flex-wrap:wrap;gap:1.2em;font-size:.85rem;color:var(--muted);margin:.3em 0}
.legend .sw{display:inline-block;width:22px;height:10px;margin-right:4px;vertical-align:middle;border-radius:2px}
.legend .sw.critical{background:var(--critical)}.legend .sw.warning{background:var(--warning)}.legend .sw.info{background:var(--info)}
.legend .sw.hatched{background:repeating-linear-gradient(135deg,var(--muted) 0 2px,transparent 2px 5px);border:1px solid var(--muted)}
.legend .sw.dot{width:10px;border-radius:50%;background:var(--mark)}
.legend .sw.arrow{height:2px;background:var(--link)}
#kf-tip{position:absolute;z-index:20;max-width:min(680px,90vw);background:var(--bg);color:var(--fg);border:1px solid var(--border);border-radius:6px;
box-shadow:0 4px 16px rgba(0,0,0,.25);padding:6px 10px;font-size:.85rem;pointer-events:none}
#kf-tip[hidden]{display:none}
#kf-tip .tip-line{font-family:ui-monospace,monospace;white-space:pre-wrap;word-break:break-all;margin-top:4px}
#kf-tip .tip-where{color:var(--muted)}
footer{color:var(--muted);font-size:.85rem;padding-bottom:24px;margin-top:2em;border-top:1px solid var(--border)}
@media print{
:root{color-scheme:light;--bg:#fff;--fg:#000;--muted:#444;--border:#bbb;--card:#fff;--accent:#000;--critical:#b00020;--warning:#8a5300;--info:#0d47a1;--confirmed:#1a7f37;--ruled-out:#8a5300;--link:#5b2a9e;--mark:#000}
body{font-size:11pt}header,main,footer{max-width:none;padding:0}
nav.sections,.toolbar,.hint,button,.skip,#kf-tip{display:none!important}
.plot-area{cursor:auto}
a{color:inherit;text-decoration:none}
.role.root{background:none;color:var(--fg);border-width:2px}
.legend .sw,ol.summary>li,article.finding{-webkit-print-color-adjust:exact;print-color-adjust:exact}
ol.summary>li,article.finding section,tr,pre{break-inside:avoid}
h2,h3,h4{break-after:avoid}
.table-wrap{overflow:visible}
}
`;
