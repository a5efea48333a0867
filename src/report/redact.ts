// Secrets never leave the tool: bearer tokens, JWTs, bootstrap tokens, --token flags, private
// keys, certificate bodies, passwords in URLs. The line is kept and the secret masked, so the
// evidence stays useful; every renderer prints only what passed through here.

interface Rule {
  readonly kind: string;
  readonly re: RegExp;
  readonly replace: (m: string, ...groups: string[]) => string;
}

const RULES: readonly Rule[] = [
  // PEM blocks, whole or cut off by a line end: keys and certificate bodies alike.
  {
    kind: 'pem',
    re: /-----BEGIN ([A-Z0-9 ]*(?:PRIVATE KEY|CERTIFICATE|CERTIFICATE REQUEST))-----[\s\S]*?(?:-----END \1-----|$)/g,
    replace: (_m, label) => `-----BEGIN ${label}----- <redacted> -----END ${label}-----`,
  },
  // Base64 of a PEM block (`LS0tLS1CRUdJTi…`), as kubeconfigs embed certificate and key data.
  { kind: 'pem-base64', re: /LS0tLS1CRUdJT[A-Za-z0-9+/=]{8,}/g, replace: () => '<redacted:pem-base64>' },
  { kind: 'jwt', re: /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, replace: () => '<redacted:jwt>' },
  { kind: 'bearer', re: /\b([Bb]earer)(\s+|%20)(?!<redacted)[A-Za-z0-9._~+/=-]{6,}/g, replace: (_m, b, sp) => `${b}${sp}<redacted>` },
  // kubeadm bootstrap token `abcdef.0123456789abcdef`: the id is public (system:bootstrap:<id>), the secret is not.
  { kind: 'bootstrap-token', re: /\b([a-z0-9]{6})\.[a-z0-9]{16}\b/g, replace: (_m, id) => `${id}.<redacted>` },
  {
    kind: 'token-flag',
    re: /(--(?:token|bootstrap-token|discovery-token|password|client-key-data|token-auth-file-content)[= ]|\b(?:token|password|passwd|secret|client-key-data|client-certificate-data)"?\s*[:=]\s*"?)(?!<redacted)(?=[^\s",}]*\d)([^\s",}]{6,})/gi,
    replace: (_m, key) => `${key}<redacted>`,
  },
  { kind: 'url-password', re: /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, replace: (_m, pre) => `${pre}<redacted>@` },
];

export class Redactor {
  count = 0;
  constructor(readonly enabled = true) {}

  text(s: string): string {
    if (!this.enabled) return s;
    let out = s;
    for (const r of RULES) {
      out = out.replace(r.re, (...args: unknown[]) => {
        this.count++;
        const groups = args.slice(1, -2).map((g) => (typeof g === 'string' ? g : ''));
        return r.replace(args[0] as string, ...groups);
      });
    }
    return out;
  }

  /** Every string inside plain data, keys kept. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.deep(v)) as T;
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.deep(v);
      return out as T;
    }
    return value;
  }
}
