// The upload and history pages' stylesheet, served as /assets/serve.css: system fonts, light and
// dark from the system setting.
export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--border:#d0d7de;--card:#f6f8fa;--accent:#0b57d0;--critical:#c62828;--warning:#b26a00;--info:#1565c0;--ok:#1a7f37}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--border:#3d444d;--card:#161b22;--accent:#58a6ff;--critical:#f47067;--warning:#e0a030;--info:#58a6ff;--ok:#57ab5a}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header,main{max-width:1200px;margin:0 auto;padding:0 20px}
header{display:flex;gap:1.5em;align-items:baseline;border-bottom:1px solid var(--border);padding-top:12px;padding-bottom:8px}
header h1{font-size:1.3rem;margin:0}
a{color:var(--accent)}
code,.mono{font-family:ui-monospace,SFMono-Regular,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85rem}
.note{color:var(--muted);font-size:.9rem}
#drop{border:2px dashed var(--border);border-radius:10px;padding:40px;text-align:center;margin:20px 0;background:var(--card)}
#drop.over{border-color:var(--accent);border-style:solid;background:color-mix(in srgb,var(--accent) 8%,var(--card))}
#drop p{margin:.5em 0}
#drop input[type=file]{margin-left:.4em}
#uploads{list-style:none;padding:0}
li.upload{border:1px solid var(--border);border-radius:8px;padding:10px 14px;margin:10px 0}
li.upload[data-state=failed]{border-color:var(--critical)}
.row-head{display:flex;gap:1em;align-items:baseline}.row-head .name{overflow-wrap:anywhere}.size{color:var(--muted);white-space:nowrap}
progress.bar{width:100%;height:8px;accent-color:var(--accent)}
p.state{margin:.3em 0}p.state.error,.status-failed{color:var(--critical)}.status-done{color:var(--ok)}
ol.findings{list-style:none;padding:0}
ol.findings li.finding{border:1px solid var(--border);border-left:6px solid var(--muted);border-radius:6px;padding:6px 10px;margin:6px 0}
li.sev-critical{border-left-color:var(--critical)!important}li.sev-warning{border-left-color:var(--warning)!important}li.sev-info{border-left-color:var(--info)!important}
.finding-head{display:flex;flex-wrap:wrap;gap:.6em;align-items:baseline}.finding p{margin:.2em 0}
.rank{font-weight:700;color:var(--muted)}.finding .hosts,.caused-by{color:var(--muted)}.caused-by{font-size:.9rem}
.badge{display:inline-block;border:1px solid currentColor;border-radius:10px;padding:0 .5em;font-size:.78rem;font-weight:600}
.badge.root{background:var(--fg);color:var(--bg);border-color:var(--fg)}
.sev.critical{color:var(--critical)}.sev.warning{color:var(--warning)}.sev.info{color:var(--info)}
a.report-link{display:inline-block;margin-top:4px}
iframe.report{background:var(--bg);width:100%;height:70vh;border:1px solid var(--border);border-radius:6px;margin-top:8px}
form.filters{display:flex;flex-wrap:wrap;gap:.8em;align-items:end;margin:16px 0}
form.filters label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--border);padding:4px 6px;text-align:left;vertical-align:top}
th{font-size:.85rem;color:var(--muted)}td.num{text-align:right;font-variant-numeric:tabular-nums}
details.token{margin:12px 0}
`;
