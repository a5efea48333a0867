// The configuration readers on real layouts: seed 001's hand-made kubelet files, kubeadm's
// drop-in and flags file, a kubeadm kubelet.conf, containerd's config, and the node's state files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { NodeConfigFragment } from '../../../src/model/config.js';
import { readClusterObject } from '../../../src/parse/config/cluster-object.js';
import { readContainerdToml } from '../../../src/parse/config/containerd-toml.js';
import { readDockerInfo } from '../../../src/parse/config/docker-info.js';
import { readEnvFile } from '../../../src/parse/config/env-file.js';
import { readKubeconfig } from '../../../src/parse/config/kubeconfig.js';
import { readKubeletConfig } from '../../../src/parse/config/kubelet-config.js';
import { readPem } from '../../../src/parse/config/pem.js';
import { readResolvConf } from '../../../src/parse/config/resolv-conf.js';
import { readFree, readProcSwaps } from '../../../src/parse/config/swap.js';
import { readSystemdUnit } from '../../../src/parse/config/systemd-unit.js';
import { readTokenList } from '../../../src/parse/config/token-list.js';

const PKI = join(import.meta.dirname, 'pki');
const pki = (f: string): string => readFileSync(join(PKI, f), 'utf8');

function as<K extends NodeConfigFragment['kind']>(f: NodeConfigFragment | undefined, kind: K): Extract<NodeConfigFragment, { kind: K }> {
  if (f?.kind !== kind) throw new Error(`expected ${kind}, got ${f?.kind ?? 'nothing'}`);
  return f as Extract<NodeConfigFragment, { kind: K }>;
}

// Seed 001's kubelet-config.yaml.template after its variables were filled in (shortened: the
// evictionHard map and the tail are kept to show maps and lists).
const SEED_001_CONFIG = `kind: KubeletConfiguration
apiVersion: kubelet.config.k8s.io/v1beta1
address: "103.172.239.9"
staticPodPath: ""
syncFrequency: 1m
port: 10250
readOnlyPort: 0
rotateCertificates: true
serverTLSBootstrap: true
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: "/etc/kubernetes/cert/ca.pem"
authorization:
  mode: Webhook
healthzBindAddress: "103.172.239.9"
clusterDomain: "cluster.local"
clusterDNS:
  - "10.254.0.2"
cgroupDriver: cgroupfs
resolvConf: /etc/resolv.conf
evictionHard:
  memory.available:  "100Mi"
  nodefs.available:  "10%"
evictionSoft: {}
failSwapOn: true
enforceNodeAllocatable: ["pods"]
`;

describe('kubelet-config', () => {
  test("reads seed 001's KubeletConfiguration with each key's line", () => {
    const r = readKubeletConfig(SEED_001_CONFIG, 'idc-k8s-01/etc/kubernetes/kubelet-config.yaml');
    const f = as(r.fragment, 'kubelet-config');
    const get = (k: string) => f.settings.find((s) => s.key === k);
    expect(get('authentication.anonymous.enabled')).toMatchObject({ value: false, source: { line: 12 }, text: '    enabled: false' });
    expect(get('authentication.x509.clientCAFile')?.value).toBe('/etc/kubernetes/cert/ca.pem');
    expect(get('clusterDNS')).toMatchObject({ value: ['10.254.0.2'], source: { line: 21 } });
    expect(get('readOnlyPort')?.value).toBe(0);
    expect(get('staticPodPath')?.value).toBe('');
    expect(get('evictionHard.memory.available')?.value).toBe('100Mi');
    expect(get('enforceNodeAllocatable')?.value).toEqual(['pods']);
    expect(get('kind')).toBeUndefined();
    expect(get('evictionSoft')).toBeUndefined();
    expect(r.skips).toEqual([]);
  });

  test('a broken document is a counted skip, not a throw', () => {
    const r = readKubeletConfig('kind: KubeletConfiguration\ncgroupDriver: [systemd\n', 'x/config.yaml');
    expect(r.skips.length).toBeGreaterThan(0);
  });
});

// Seed 001's kubelet.service after the heredoc (`\\` became `\`): one flag per continued line.
const SEED_001_UNIT = `[Unit]
Description=Kubernetes Kubelet
Documentation=https://github.com/GoogleCloudPlatform/kubernetes
After=containerd.service
Requires=containerd.service

[Service]
WorkingDirectory=/data/k8s/k8s/kubelet
ExecStart=/opt/k8s/bin/kubelet \\
  --bootstrap-kubeconfig=/etc/kubernetes/kubelet-bootstrap.kubeconfig \\
  --cert-dir=/etc/kubernetes/cert \\
  --network-plugin=cni \\
  --cni-conf-dir=/etc/cni/net.d \\
  --container-runtime=remote \\
  --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock \\
  --root-dir=/data/k8s/k8s/kubelet \\
  --kubeconfig=/etc/kubernetes/kubelet.kubeconfig \\
  --config=/etc/kubernetes/kubelet-config.yaml \\
  --hostname-override=idc-k8s-01 \\
  --image-pull-progress-deadline=15m \\
  --volume-plugin-dir=/data/k8s/k8s/kubelet/kubelet-plugins/volume/exec/ \\
  --logtostderr=true \\
  --v=2
Restart=always
RestartSec=5
StartLimitInterval=0

[Install]
WantedBy=multi-user.target
`;

// kubernetes/release cmd/krel/templates/latest/kubeadm/10-kubeadm.conf, as `systemctl cat kubelet` prints it after the unit.
const SYSTEMCTL_CAT = `# /lib/systemd/system/kubelet.service
[Unit]
Description=kubelet: The Kubernetes Node Agent
Documentation=https://kubernetes.io/docs/
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/bin/kubelet
Restart=always
StartLimitInterval=0
RestartSec=10

[Install]
WantedBy=multi-user.target

# /etc/systemd/system/kubelet.service.d/10-kubeadm.conf
# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use
# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

describe('systemd-unit', () => {
  test("splits seed 001's continued ExecStart into words, each on its own line", () => {
    const f = as(readSystemdUnit(SEED_001_UNIT, 'idc-k8s-01/etc/systemd/system/kubelet.service').fragment, 'systemd-unit');
    expect(f.files).toHaveLength(1);
    const exec = f.files[0]?.directives.find((d) => d.key === 'ExecStart');
    expect(exec?.section).toBe('Service');
    expect(exec?.source.line).toBe(9);
    expect(exec?.words.map((w) => w.value)).toContain('--network-plugin=cni');
    const np = exec?.words.find((w) => w.value === '--network-plugin=cni');
    expect(np).toMatchObject({ source: { line: 12 }, text: '  --network-plugin=cni \\' });
    expect(exec?.words[0]?.value).toBe('/opt/k8s/bin/kubelet');
    expect(exec?.words).toHaveLength(15);
  });

  test('systemctl cat: one file per "# /path" header, Environment quotes removed', () => {
    const f = as(readSystemdUnit(SYSTEMCTL_CAT, 'node-a/systemctl-cat-kubelet.txt').fragment, 'systemd-unit');
    expect(f.files.map((x) => x.path)).toEqual(['/lib/systemd/system/kubelet.service', '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf']);
    const dropIn = f.files[1]?.directives ?? [];
    expect(dropIn.filter((d) => d.key === 'ExecStart').map((d) => d.value)).toEqual(['', '/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS']);
    expect(dropIn.find((d) => d.key === 'Environment')?.words.map((w) => w.value)).toEqual([
      'KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf',
    ]);
    expect(dropIn.find((d) => d.key === 'EnvironmentFile')?.source.line).toBe(23);
  });
});

describe('env-file', () => {
  test("kubeadm's kubeadm-flags.env: the quoted value is one string", () => {
    const text = 'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.9"\n';
    const f = as(readEnvFile(text, 'node-a/var/lib/kubelet/kubeadm-flags.env').fragment, 'env-file');
    expect(f.vars).toEqual([
      {
        key: 'KUBELET_KUBEADM_ARGS',
        value: '--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.9',
        source: { path: 'node-a/var/lib/kubelet/kubeadm-flags.env', line: 1 },
        text: text.trimEnd(),
      },
    ]);
  });
  test('/etc/default/kubelet with an empty value and comments', () => {
    const f = as(readEnvFile('# set by ops\nKUBELET_EXTRA_ARGS=\nexport KUBELET_X="a b"\n', 'node-a/etc/default/kubelet').fragment, 'env-file');
    expect(f.vars.map((v) => [v.key, v.value, v.source.line])).toEqual([['KUBELET_EXTRA_ARGS', '', 2], ['KUBELET_X', 'a b', 3]]);
  });
});

const kubeletConf = (caData: string): string => `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${caData}
    server: https://10.0.0.10:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: system:node:node-a
  name: system:node:node-a@kubernetes
current-context: system:node:node-a@kubernetes
kind: Config
preferences: {}
users:
- name: system:node:node-a
  user:
    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
    client-key: /var/lib/kubelet/pki/kubelet-client-current.pem
`;

describe('kubeconfig', () => {
  test("kubeadm's kubelet.conf: server, embedded CA, client certificate file", () => {
    const b64 = Buffer.from(pki('ca.crt')).toString('base64');
    const k = as(readKubeconfig(kubeletConf(b64), 'node-a/etc/kubernetes/kubelet.conf').fragment, 'kubeconfig').kubeconfig;
    expect(k.server).toMatchObject({ value: 'https://10.0.0.10:6443', source: { line: 5 } });
    expect(k.ca.kind).toBe('data');
    if (k.ca.kind === 'data') {
      expect(k.ca.pem).toBe(pki('ca.crt').trim());
      expect(k.ca.at.text).toBe('    certificate-authority-data: <data>');
    }
    expect(k.user).toMatchObject({ kind: 'client-certificate', certFile: { value: '/var/lib/kubelet/pki/kubelet-client-current.pem', source: { line: 18 } } });
  });
  test("seed 001's bootstrap kubeconfig: only the token's public id is kept", () => {
    const text = `apiVersion: v1
clusters:
- cluster:
    certificate-authority: /etc/kubernetes/cert/ca.pem
    server: https://127.0.0.1:8443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubelet-bootstrap
  name: default
current-context: default
kind: Config
preferences: {}
users:
- name: kubelet-bootstrap
  user:
    token: c1t7pc.0x5pu9f082zfbr1d
`;
    const k = as(readKubeconfig(text, 'idc-k8s-01/etc/kubernetes/kubelet-bootstrap.kubeconfig').fragment, 'kubeconfig').kubeconfig;
    expect(k.user).toEqual({ kind: 'bootstrap-token', at: { path: 'idc-k8s-01/etc/kubernetes/kubelet-bootstrap.kubeconfig', line: 18 }, tokenId: 'c1t7pc' });
    expect(k.ca).toMatchObject({ kind: 'file', path: { value: '/etc/kubernetes/cert/ca.pem' } });
    expect(JSON.stringify(k)).not.toContain('0x5pu9f082zfbr1d');
  });
});

describe('containerd-toml', () => {
  test('config version 2, as the container-runtimes page shows it', () => {
    const text = `version = 2
[plugins]
  [plugins."io.containerd.grpc.v1.cri"]
    sandbox_image = "registry.k8s.io/pause:3.9"
    [plugins."io.containerd.grpc.v1.cri".containerd]
      default_runtime_name = "runc"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes]
        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
          runtime_type = "io.containerd.runc.v2"
          [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
            SystemdCgroup = true
`;
    const f = as(readContainerdToml(text, 'node-a/etc/containerd/config.toml').fragment, 'containerd-toml');
    expect(f.systemdCgroup).toMatchObject({ value: true, source: { line: 11 }, text: '            SystemdCgroup = true' });
  });
  test('containerd 2 (version 3) and no setting at all', () => {
    const v3 = 'version = 3\n[plugins."io.containerd.cri.v1.runtime".containerd.runtimes.runc.options]\n  SystemdCgroup = false\n';
    expect(as(readContainerdToml(v3, 'c.toml').fragment, 'containerd-toml').systemdCgroup?.value).toBe(false);
    expect(as(readContainerdToml('version = 2\n[plugins."io.containerd.grpc.v1.cri"]\n', 'c.toml').fragment, 'containerd-toml').systemdCgroup).toBeUndefined();
  });
  test('broken TOML is a skip', () => {
    expect(readContainerdToml('version = = 2\n', 'c.toml').skips).toHaveLength(1);
  });
});

describe('state files', () => {
  test('docker info', () => {
    const f = as(readDockerInfo('Client:\n Context:    default\n\nServer:\n Server Version: 24.0.7\n Storage Driver: overlay2\n Cgroup Driver: systemd\n Cgroup Version: 2\n', 'node-a/docker-info.txt').fragment, 'docker-info');
    expect(f.cgroupDriver).toMatchObject({ value: 'systemd', source: { line: 7 } });
    expect(f.serverVersion?.value).toBe('24.0.7');
  });
  test('resolv.conf: nameservers in order, the last search line wins', () => {
    const f = as(readResolvConf('# Generated by NetworkManager\nsearch corp.example.com\nnameserver 10.0.0.2\nnameserver 10.0.0.3\nsearch a.example b.example\n', 'r').fragment, 'resolv-conf');
    expect(f.nameservers.map((n) => [n.value, n.source.line])).toEqual([['10.0.0.2', 3], ['10.0.0.3', 4]]);
    expect(f.search.map((s) => s.value)).toEqual(['a.example', 'b.example']);
  });
  test('/proc/swaps with a swap file', () => {
    const f = as(readProcSwaps('Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/swap.img                               file\t\t2097148\t\t0\t\t-2\n', 'p').fragment, 'swap');
    expect(f.devices.map((d) => d.value)).toEqual([{ name: '/swap.img', type: 'file', sizeKiB: 2097148, usedKiB: 0 }]);
  });
  test('free and free -h', () => {
    const plainFree = '               total        used        free      shared  buff/cache   available\nMem:         8147276     1034000     5123456       12345     1989820     6830000\nSwap:        2097148           0     2097148\n';
    expect(as(readFree(plainFree, 'f').fragment, 'swap').totalKiB).toMatchObject({ value: 2097148, source: { line: 3 } });
    const human = '               total        used        free      shared  buff/cache   available\nMem:           7.8Gi       1.0Gi       4.9Gi        12Mi       1.9Gi       6.5Gi\nSwap:             0B          0B          0B\n';
    expect(as(readFree(human, 'f').fragment, 'swap').totalKiB?.value).toBe(0);
  });
  test("kubeadm token list (seed 001), a description with spaces, and an expired token", () => {
    const text = `TOKEN                     TTL         EXPIRES                     USAGES                   DESCRIPTION                                                EXTRA GROUPS
abcdef.0123456789abcdef   <invalid>   2024-04-20T09:00:00Z        authentication,signing   The default bootstrap token generated by 'kubeadm init'.   system:bootstrappers:kubeadm:default-node-token
c1t7pc.0x5pu9f082zfbr1d   23h         2024-04-02T13:58:17+07:00   authentication,signing   kubelet-bootstrap-token                                    system:bootstrappers:idc-k8s-01
`;
    const f = as(readTokenList(text, 'cluster/kubeadm-token-list.txt').fragment, 'token-list');
    expect(f.tokens.map((t) => t.value)).toEqual([
      { id: 'abcdef', ttl: '<invalid>', expires: '2024-04-20T09:00:00Z', usages: ['authentication', 'signing'], groups: ['system:bootstrappers:kubeadm:default-node-token'] },
      { id: 'c1t7pc', ttl: '23h', expires: '2024-04-02T13:58:17+07:00', usages: ['authentication', 'signing'], groups: ['system:bootstrappers:idc-k8s-01'] },
    ]);
  });
});

describe('pem', () => {
  test('a certificate: subject, issuer and validity; its body is never in a printed field', () => {
    const f = as(readPem(pki('apiserver.crt'), 'control-plane-1/etc/kubernetes/pki/apiserver.crt').fragment, 'certificates');
    expect(f.certificates).toHaveLength(1);
    expect(f.certificates[0]).toMatchObject({ subject: 'CN=kube-apiserver', issuer: 'CN=kubernetes', notBefore: '2024-01-02T10:00:00Z', notAfter: '2025-01-01T10:00:00Z', isCA: false, source: { line: 1 } });
    expect(f.certificates[0]?.subjectAltName).toContain('DNS:kubernetes.default.svc');
  });
  test('kubelet-client-current.pem: the certificate is read, the key only counted', () => {
    const f = as(readPem(pki('kubelet-client-ok.pem'), 'p').fragment, 'certificates');
    expect(f.privateKeys).toBe(1);
    expect(f.certificates[0]?.subject).toBe('O=system:nodes, CN=system:node:node-a');
    expect(JSON.stringify(f)).not.toContain('PRIVATE KEY');
  });
  test('a garbled certificate is a skip', () => {
    expect(readPem('-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n', 'p').skips).toHaveLength(1);
  });
});

describe('cluster-object', () => {
  test('the kubeadm-config ConfigMap: dnsDomain and serviceSubnet at their lines in the block', () => {
    const text = `apiVersion: v1
data:
  ClusterConfiguration: |
    apiServer: {}
    apiVersion: kubeadm.k8s.io/v1beta3
    kind: ClusterConfiguration
    kubernetesVersion: v1.28.4
    networking:
      dnsDomain: cluster.local
      podSubnet: 10.244.0.0/16
      serviceSubnet: 10.96.0.0/12
kind: ConfigMap
metadata:
  name: kubeadm-config
  namespace: kube-system
`;
    const f = as(readClusterObject(text, 'cluster/kubeadm-config.yaml').fragment, 'cluster-object');
    expect(f.settings.map((s) => [s.key, s.value, s.source.line, s.text.trim()])).toEqual([
      ['kubernetesVersion', 'v1.28.4', 7, 'kubernetesVersion: v1.28.4'],
      ['dnsDomain', 'cluster.local', 9, 'dnsDomain: cluster.local'],
      ['serviceSubnet', '10.96.0.0/12', 11, 'serviceSubnet: 10.96.0.0/12'],
    ]);
  });
  test('the kube-dns Service as JSON', () => {
    const text = '{\n    "apiVersion": "v1",\n    "kind": "Service",\n    "metadata": {\n        "name": "kube-dns",\n        "namespace": "kube-system"\n    },\n    "spec": {\n        "clusterIP": "10.96.0.10"\n    }\n}\n';
    const f = as(readClusterObject(text, 'cluster/kube-dns.json').fragment, 'cluster-object');
    expect(f.settings).toMatchObject([{ key: 'dnsServiceIP', value: '10.96.0.10', source: { line: 9 } }]);
  });
});
