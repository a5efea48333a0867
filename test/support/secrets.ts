// Secrets of every kind the tool must mask, each with the text that must not survive: shared by
// the redaction tests and the HTML report's, so both check the same list.
import fc from 'fast-check';

const b64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 12, maxLength: 60 });
const lowerAlnum = (n: number) => fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: n, maxLength: n });

export interface PlantedSecret {
  readonly line: string;
  readonly secret: string;
}

export const secret: fc.Arbitrary<PlantedSecret> = fc.oneof(
  fc.tuple(b64url, b64url, b64url).map(([a, b, c]) => ({ line: `token=eyJ${a}.eyJ${b}.${c}`, secret: `eyJ${a}.eyJ${b}.${c}` })),
  fc.tuple(b64url).map(([t]) => ({ line: `Authorization: Bearer ${t}x1`, secret: `${t}x1` })),
  fc.tuple(lowerAlnum(6), lowerAlnum(16)).map(([id, s]) => ({ line: `kubeadm join --token ${id}.${s} 10.0.0.1:6443`, secret: `${id}.${s}` })),
  fc.tuple(b64url).map(([t]) => ({ line: `ExecStart=/usr/bin/kubelet --token=${t}9`, secret: `${t}9` })),
  fc.tuple(b64url).map(([k]) => ({ line: `-----BEGIN RSA PRIVATE KEY-----${k}-----END RSA PRIVATE KEY-----`, secret: k })),
  fc.tuple(b64url).map(([k]) => ({ line: `-----BEGIN CERTIFICATE-----\n${k}\n-----END CERTIFICATE-----`, secret: k })),
  fc.tuple(b64url).map(([p]) => ({ line: `proxy https://admin:${p}7@proxy.example:3128/`, secret: `${p}7` })),
  fc.tuple(b64url).map(([k]) => ({ line: `client-key-data: LS0tLS1CRUdJTi${k}`, secret: `LS0tLS1CRUdJTi${k}` })),
);

/** One fixed example of each kind, for tests that plant them in a bundle on disk. */
export const SECRET_EXAMPLES: readonly PlantedSecret[] = [
  { line: 'token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06bm9kZTpub2RlLWEifQ.c2lnbmF0dXJlX3NlY3JldA', secret: 'eyJzdWIiOiJzeXN0ZW06bm9kZTpub2RlLWEifQ' },
  { line: 'Authorization: Bearer Zm9vYmFyYmF6cXV4MTIzNDU2x1', secret: 'Zm9vYmFyYmF6cXV4MTIzNDU2x1' },
  { line: 'kubeadm join --token 82jfrm.0x5pu9f082zfbr1d 10.0.0.1:6443', secret: '0x5pu9f082zfbr1d' },
  { line: 'ExecStart=/usr/bin/kubelet --token=S3cr3tT0kenValue9', secret: 'S3cr3tT0kenValue9' },
  { line: '-----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEAu1SU1L7VLPHCgcFAKE-----END RSA PRIVATE KEY-----', secret: 'MIIEowIBAAKCAQEAu1SU1L7VLPHCgcFAKE' },
  { line: 'proxy https://admin:Hunter2Passw0rd7@proxy.example:3128/', secret: 'Hunter2Passw0rd7' },
  { line: 'client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ', secret: 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ' },
];
