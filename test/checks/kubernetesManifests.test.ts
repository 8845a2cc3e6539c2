import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ConfigMap, Namespace, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { envSubgraphUrls, gatewayEnv } from '@passerelle/gateway';
import { discoverSubgraphs } from '@passerelle/subgraph-kit/discovery';
import type { ConfigSpec } from '@passerelle/subgraph-kit';
import { repositoryRoot } from '../src/docs/documentedOperations';

// kubeconform cannot be installed here (Go modules unreachable): every manifest of
// deploy/kubernetes is validated against the upstream Kubernetes OpenAPI schemas with
// kubernetes-models (ajv), then held to the project's rules, and to the code, so that the
// manifests cannot drift from the configuration modules, the packages' ports or the docs.

const manifestsDir = path.join(repositoryRoot, 'deploy', 'kubernetes');
const operationsGuide = readFileSync(path.join(repositoryRoot, 'docs', 'operations.md'), 'utf8');

/** The models of the kinds the manifests use: a new kind must be added here to be validated. */
const models: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: unknown;
  [key: string]: unknown;
}

// Only what these rules read of a Deployment's pod; kubernetes-models validates the rest.
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: EnvVar[];
  envFrom?: Array<{ secretRef?: { name: string }; configMapRef?: { name: string } }>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  securityContext?: { runAsNonRoot?: boolean; readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; capabilities?: { drop?: string[] } };
  volumeMounts?: Array<{ name: string; mountPath: string }>;
  [key: string]: unknown;
}
interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  initContainers?: Container[];
  volumes?: Array<{ name: string; secret?: { secretName: string }; configMap?: { name: string } }>;
}
interface DeploymentManifest extends Manifest {
  spec: { replicas?: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry) ? [full] : [];
  });
}

const files = yamlFiles(manifestsDir);
const documents = files.flatMap((file) => parseAllDocuments(readFileSync(file, 'utf8')).map((document) => ({ file: path.relative(repositoryRoot, file), document })));
const objects: Manifest[] = documents.map(({ file, document }) => ({ ...(document.toJS() as Manifest), file }));
const kustomizations = objects.filter((o) => o.kind === 'Kustomization');
const resources = objects.filter((o) => o.kind !== 'Kustomization');
const deployments = resources.filter((o): o is DeploymentManifest => o.kind === 'Deployment');
const allContainers = deployments.flatMap((d) => [...d.spec.template.spec.containers, ...(d.spec.template.spec.initContainers ?? [])].map((container) => ({ deployment: d, container })));
const subgraphs = discoverSubgraphs();

/** A deployment's pod labels match a selector. */
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>) => selector !== undefined && Object.entries(selector).every(([key, value]) => labels[key] === value);

/** The process a container runs, by its name: `gateway`, or a subgraph's name. */
function configOf(containerName: string): ConfigSpec {
  if (containerName === 'gateway') return gatewayEnv;
  const subgraph = subgraphs.find((s) => s.name === containerName);
  if (subgraph === undefined) throw new Error(`container ${containerName}: neither the gateway nor a subgraph of subgraphs/`);
  return subgraph.load().env;
}

/** The row of docs/operations.md naming `name` in backquotes. */
const docRowOf = (name: string) => operationsGuide.split('\n').find((line) => line.startsWith('|') && line.includes(`\`${name}\``));

test('finds the manifests', () => {
  expect(files.length).toBeGreaterThanOrEqual(10);
  expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['passerelle-caf', 'passerelle-gateway']);
});

test('every YAML document parses', () => {
  expect(documents.flatMap(({ file, document }) => document.errors.map((error) => `${file}: ${error.message}`))).toEqual([]);
});

test('every object validates against the Kubernetes schema of its apiVersion and kind (kubernetes-models)', () => {
  const problems = resources.flatMap(({ file, ...object }) => {
    const model = models[`${object.apiVersion}/${object.kind}`];
    if (model === undefined) return [`${file}: ${object.apiVersion} ${object.kind} has no model in this test`];
    try {
      new model(object as never).validate();
      return [];
    } catch (error) {
      return [`${file}: ${(error as Error).message}`];
    }
  });
  expect(problems).toEqual([]);
});

test('the validator does catch a malformed object (so that the test above can fail)', () => {
  const broken = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ port: 'http' }] } };
  expect(() => new Service(broken as never).validate()).toThrow(/port must be integer/);
});

test('each kustomization lists every manifest of its folder, and nothing else', () => {
  expect(kustomizations).toHaveLength(1);
  for (const kustomization of kustomizations) {
    const dir = path.dirname(path.join(repositoryRoot, kustomization.file));
    const listed = [...(kustomization.resources as string[])].sort();
    const present = yamlFiles(dir)
      .map((file) => path.relative(dir, file))
      .filter((file) => file !== 'kustomization.yaml')
      .sort();
    expect(listed).toEqual(present);
  }
});

test('every object is in the passerelle namespace', () => {
  expect(resources.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'passerelle').map((o) => o.file)).toEqual([]);
});

describe.each(allContainers.map(({ deployment, container }) => [`${deployment.metadata.name}/${container.name}`, deployment, container] as const))('container %s', (_name, deployment, container) => {
  const pod = deployment.spec.template.spec;

  it('has CPU and memory requests and limits', () => {
    for (const kind of ['requests', 'limits'] as const) {
      expect([kind, Object.keys(container.resources?.[kind] ?? {}).sort()]).toEqual([kind, ['cpu', 'memory']]);
    }
  });

  it('is probed: started and alive on GET /health, ready on GET /ready', () => {
    expect(container.startupProbe?.httpGet?.path).toBe('/health');
    expect(container.livenessProbe?.httpGet?.path).toBe('/health');
    expect(container.readinessProbe?.httpGet?.path).toBe('/ready');
    const ports = (container.ports ?? []).map((p) => p.name);
    for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) expect(ports).toContain(probe?.httpGet?.port);
  });

  it('runs as a non-root user, on a read-only root filesystem, without privilege escalation or capabilities', () => {
    expect(pod.securityContext?.runAsNonRoot ?? container.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    // tsx and Node write their temporary files here: a read-only root needs a writable /tmp.
    expect(container.volumeMounts?.map((m) => m.mountPath)).toContain('/tmp');
  });

  it('runs a released image, never `latest`', () => {
    expect(container.image).toMatch(/:\d+\.\d+\.\d+$/);
  });

  it('has only fields a Kubernetes container has (the schema validator lets unknown fields through)', () => {
    const known = [
      'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy', 'volumeMounts', 'volumeDevices',
      'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty',
    ]; // prettier-ignore
    expect(Object.keys(container).filter((key) => !known.includes(key))).toEqual([]);
  });

  it("sets only variables its process's config module reads (docs/configuration.md and the subgraphs' READMEs)", () => {
    const spec = configOf(container.name);
    const read = new Set(Object.values(spec).map((v) => v.env));
    expect((container.env ?? []).map((v) => v.name).filter((name) => !read.has(name))).toEqual([]);
    // envFrom would set variables this test cannot see.
    expect(container.envFrom ?? []).toEqual([]);
  });

  it('takes every secret-like variable from a Secret, never as a literal value', () => {
    const secretLike = /SECRET|KEY$|API_KEY|PASSWORD|TOKEN|DATABASE_URL/;
    const literal = (container.env ?? []).filter((v) => secretLike.test(v.name) && v.value !== undefined && !v.value.startsWith('/'));
    expect(literal.map((v) => v.name)).toEqual([]);
  });

  it('names only Secrets and ConfigMaps that docs/operations.md documents, with their keys', () => {
    const references = [
      ...(container.env ?? []).flatMap((v) => [v.valueFrom?.secretKeyRef, v.valueFrom?.configMapKeyRef].filter((ref) => ref !== undefined).map((ref) => ({ name: ref.name, key: ref.key }))),
      ...(pod.volumes ?? []).flatMap((v) => [v.secret?.secretName, v.configMap?.name].filter((name) => name !== undefined).map((name) => ({ name, key: null }))),
    ];
    expect(references.length).toBeGreaterThan(0);
    for (const { name, key } of references) {
      const row = docRowOf(name);
      expect([name, row !== undefined]).toEqual([name, true]);
      if (key !== null) expect([name, row?.includes(`\`${key}\``)]).toEqual([name, true]);
    }
  });

  it('reads every file a variable points to from a mounted volume', () => {
    const mounts = (container.volumeMounts ?? []).map((m) => m.mountPath);
    const paths = (container.env ?? []).filter((v) => v.value?.startsWith('/') === true).map((v) => v.value!);
    for (const file of paths) expect([file, mounts.some((mount) => file.startsWith(`${mount}/`))]).toEqual([file, true]);
  });
});

test('every Service, PodDisruptionBudget, NetworkPolicy and autoscaler targets a Deployment of the manifests', () => {
  const podLabels = deployments.map((d) => d.spec.template.metadata.labels);
  for (const object of resources) {
    const spec = object.spec as Record<string, unknown> | undefined;
    const selector =
      object.kind === 'Service'
        ? (spec?.selector as Record<string, string>)
        : object.kind === 'PodDisruptionBudget'
          ? (spec?.selector as { matchLabels: Record<string, string> }).matchLabels
          : object.kind === 'NetworkPolicy'
            ? (spec?.podSelector as { matchLabels?: Record<string, string> }).matchLabels
            : undefined;
    if (object.kind === 'NetworkPolicy' && selector === undefined) continue; // `{}`: every pod of the namespace
    if (selector !== undefined) expect([object.file, podLabels.some((labels) => selects(selector, labels))]).toEqual([object.file, true]);
    if (object.kind === 'HorizontalPodAutoscaler') {
      const target = (spec?.scaleTargetRef as { kind: string; name: string } | undefined) ?? { kind: '', name: '' };
      expect(deployments.some((d) => target.kind === 'Deployment' && d.metadata.name === target.name)).toBe(true);
    }
  }
  for (const deployment of deployments) expect(selects(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
});

test('the gateway: 2 replicas at least, scaled on CPU at 70 %, never all disrupted at once', () => {
  const gateway = deployments.find((d) => d.metadata.name === 'passerelle-gateway')!;
  expect(gateway.spec.replicas).toBe(2);
  const hpa = resources.find((o) => o.kind === 'HorizontalPodAutoscaler')!.spec as { minReplicas: number; maxReplicas: number; metrics: unknown[] };
  expect(hpa.minReplicas).toBe(2);
  expect(hpa.maxReplicas).toBeGreaterThan(2);
  expect(hpa.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);
  const pdb = resources.find((o) => o.kind === 'PodDisruptionBudget' && o.metadata.name === 'passerelle-gateway')!.spec as { minAvailable: number };
  expect(pdb.minAvailable).toBe(1);
});

test('network: nothing gets in by default; subgraphs admit the gateway pods only, the gateway the ingress controller namespace only', () => {
  type Policy = { podSelector: { matchLabels?: Record<string, string> }; policyTypes: string[]; ingress?: Array<{ from?: Array<Record<string, unknown>>; ports?: unknown[] }> };
  const policies = resources.filter((o) => o.kind === 'NetworkPolicy').map((o) => ({ name: o.metadata.name, spec: o.spec as Policy }));
  expect(policies.some(({ spec }) => Object.keys(spec.podSelector).length === 0 && spec.policyTypes.includes('Ingress') && spec.ingress === undefined)).toBe(true);
  const gatewayPods = { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'passerelle-gateway' } } };
  for (const deployment of deployments) {
    const labels = deployment.spec.template.metadata.labels;
    // The metrics policy opens the http port to the monitoring namespace for every pod: GraphQL there still needs the gateway's signed context.
    const own = policies.filter(({ name, spec }) => name !== 'passerelle-allow-metrics-scrape' && spec.podSelector.matchLabels !== undefined && selects(spec.podSelector.matchLabels, labels));
    expect([deployment.metadata.name, own.length]).toEqual([deployment.metadata.name, 1]);
    const peers = own[0]!.spec.ingress!.flatMap((rule) => rule.from ?? []);
    if (labels['app.kubernetes.io/component'] === 'subgraph') expect(peers).toEqual([gatewayPods]);
    else expect(peers).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': expect.any(String) as string } } }]);
    // Every rule names its ports: no rule opens the whole pod.
    for (const rule of own[0]!.spec.ingress!) expect(rule.ports?.length).toBeGreaterThan(0);
  }
});

// A partner scaffolded with `npm run subgraph:new` is not yet deployed: its folder passes `npm
// test` before anyone adds it here (README, "Publish your subgraph"). Every subgraph SUBGRAPH_URLS
// names, and every one with manifests, must be right.
test("SUBGRAPH_URLS names subgraphs of subgraphs/, each at its Service on its package's port, and every subgraph with manifests", () => {
  const gateway = deployments.find((d) => d.metadata.name === 'passerelle-gateway')!;
  const raw = gateway.spec.template.spec.containers[0]!.env!.find((v) => v.name === 'SUBGRAPH_URLS')!.value!;
  const urls = envSubgraphUrls(raw);
  expect(urls.size).toBeGreaterThanOrEqual(13);
  for (const [name, url] of urls) {
    const subgraph = subgraphs.find((s) => s.name === name);
    expect([name, url]).toEqual([name, `http://passerelle-${name}:${subgraph?.port ?? '(no such subgraph)'}/graphql`]);
  }
  const deployed = deployments.filter((d) => d.spec.template.metadata.labels['app.kubernetes.io/component'] === 'subgraph').map((d) => d.spec.template.spec.containers[0]!.name);
  for (const name of deployed) expect([name, urls.has(name)]).toEqual([name, true]);
  // The template's Service and container listen where the gateway looks.
  const caf = subgraphs.find((s) => s.name === 'caf')!;
  const service = resources.find((o) => o.kind === 'Service' && o.metadata.name === 'passerelle-caf')!.spec as { ports: Array<{ port: number }> };
  expect(service.ports.map((p) => p.port)).toEqual([caf.port]);
  const container = deployments.find((d) => d.metadata.name === 'passerelle-caf')!.spec.template.spec.containers[0]!;
  expect(container.ports?.map((p) => p.containerPort)).toEqual([caf.port]);
  expect(container.env?.find((v) => v.name === 'CAF_PORT')?.value).toBe(String(caf.port));
});

test('the supergraph ConfigMap, as docs/operations.md creates it from the committed supergraph, validates and fits (1 MiB)', () => {
  const supergraph = readFileSync(path.join(repositoryRoot, 'schema', 'supergraph.graphql'), 'utf8');
  expect(operationsGuide).toContain('kubectl create configmap passerelle-supergraph --namespace passerelle --from-file=supergraph.graphql=schema/supergraph.graphql');
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'passerelle-supergraph', namespace: 'passerelle' }, data: { 'supergraph.graphql': supergraph } };
  expect(() => new ConfigMap(configMap).validate()).not.toThrow();
  expect(Buffer.byteLength(supergraph)).toBeLessThan(1024 * 1024);
  const gateway = deployments.find((d) => d.metadata.name === 'passerelle-gateway')!.spec.template.spec;
  const mount = gateway.containers[0]!.volumeMounts!.find((m) => m.name === gateway.volumes!.find((v) => v.configMap?.name === 'passerelle-supergraph')!.name)!;
  expect(gateway.containers[0]!.env!.find((v) => v.name === 'SUPERGRAPH_PATH')?.value).toBe(`${mount.mountPath}/supergraph.graphql`);
});
