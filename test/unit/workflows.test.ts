// The repository's own workflows cannot run on these machines: their syntax and their agreement with what
// .ci/run proves are checked here instead (parsed YAML; the `uses: ./` step's inputs against action.yml).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  name: string;
  on: unknown;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const workflow = (file: string) => parseYaml(read(`.github/workflows/${file}`), { strict: true, uniqueKeys: true }) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const action = parseYaml(read('action.yml')) as { inputs: Record<string, { required?: boolean }>; outputs: Record<string, unknown> };

describe('.github/workflows', () => {
  it('parse, and every job runs steps on a runner', () => {
    for (const file of ['ci.yml', 'e2e-kind.yml']) {
      const w = workflow(file);
      expect(w.name).toBeTruthy();
      expect(w.on).toBeTruthy();
      for (const job of Object.values(w.jobs)) {
        expect(job['runs-on']).toBe('ubuntu-latest');
        expect(job.steps.length).toBeGreaterThan(0);
        for (const s of job.steps) expect(Boolean(s.uses) !== Boolean(s.run)).toBe(true);
      }
    }
  });

  it('ci.yml runs what the test command runs before the cluster, on the Node the package needs, and checks dist/', () => {
    const runs = steps(workflow('ci.yml'))
      .map((s) => s.run ?? '')
      .join('\n');
    const testAll = read('scripts/test-all.sh');
    for (const cmd of ['npm run --silent typecheck', 'npm run --silent lint']) expect(testAll).toContain(cmd);
    expect(runs).toContain('npm run typecheck');
    expect(runs).toContain('npm run lint');
    expect(runs).toContain('node --experimental-vm-modules node_modules/jest/bin/jest.js');
    expect(runs).toContain('git diff --exit-code --stat -- dist/');
    const node = steps(workflow('ci.yml')).find((s) => s.uses?.startsWith('actions/setup-node@'));
    const engines = JSON.parse(read('package.json')).engines.node as string;
    expect(engines).toBe(`>=${String(node?.with?.['node-version'])}`);
  });

  it("e2e-kind.yml: the `uses: ./` step passes only action.yml's inputs, reads only its outputs, and loads images the cluster recipe builds", () => {
    const all = steps(workflow('e2e-kind.yml'));
    const self = all.filter((s) => s.uses === './');
    expect(self).toHaveLength(1);
    const inputs = Object.keys(self[0].with ?? {});
    expect(inputs.filter((i) => !(i in action.inputs))).toEqual([]);
    for (const [name, spec] of Object.entries(action.inputs)) if (spec.required) expect(inputs).toContain(name);
    const text = read('.github/workflows/e2e-kind.yml');
    const outputsRead = [...text.matchAll(/steps\.dump\.outputs\.([a-z-]+)/g)].map((m) => m[1]);
    expect(outputsRead.length).toBeGreaterThan(0);
    expect(outputsRead.filter((o) => !(o in action.outputs))).toEqual([]);
    // The images: tarballs named as build-images.sh names them, for images it builds.
    const recipe = read('cluster/images/build-images.sh');
    const loaded = /for image in ([^;]+);/.exec(text)![1].trim().split(/\s+/);
    for (const tar of loaded) {
      const [repo, tag] = [tar.slice(0, tar.lastIndexOf('_')), tar.slice(tar.lastIndexOf('_') + 1)];
      expect(recipe).toContain(`"kjd.local/${repo}:${tag}|`);
    }
    expect(self[0].with?.['jdk-image']).toBe(`kjd.local/${loaded[1].replace('_', ':')}`);
    const manifest = read('cluster/manifests/simple-java.yaml');
    expect(manifest).toContain(`image: kjd.local/${loaded[0].replace('_', ':')}`);
  });

  it("the demo builds only the images it runs (its Deployment's and its debugger's), each one the recipe builds", () => {
    const demo = read('scripts/demo.sh');
    const jdk = /^jdk_image=(\S+)$/m.exec(demo)![1];
    // Every image the demo names is the variable's, or comes from the manifest that KJD_IMAGES is read from.
    expect([...demo.matchAll(/kjd\.local\/[\w.:/-]+/g)].map((m) => m[0])).toEqual([jdk]);
    expect(demo).toContain('INPUT_JDK-IMAGE=$jdk_image');
    expect(demo).toContain(
      `KJD_IMAGES="$(sed -n 's/^ *image: *//p' cluster/manifests/simple-java.yaml) $jdk_image" bash cluster/bin/kjd-cluster up`,
    );
    const images = [...read('cluster/manifests/simple-java.yaml').matchAll(/^\s*image:\s*(\S+)/gm)].map((m) => m[1]);
    expect(images).toEqual(['kjd.local/simple-java:jre8-1']);
    const recipe = read('cluster/images/build-images.sh');
    for (const ref of [...images, jdk]) expect(recipe).toContain(`"${ref}|`);
    // The test command builds every image, whatever KJD_IMAGES the shell holds.
    expect(read('scripts/test-all.sh')).toContain('env -u KJD_IMAGES bash cluster/bin/kjd-cluster up');
  });

  it('the test command sets a fresh clone up itself, and CI sets up once', () => {
    expect(read('scripts/test-all.sh')).toContain('bash scripts/setup.sh --if-needed\n');
    expect(read('.ci/run')).toMatch(/^bash scripts\/setup\.sh\nbash scripts\/test-all\.sh\n/m);
    expect(read('scripts/setup.sh')).toMatch(/if \[ "\$\{1:-\}" = --if-needed \]; then[\s\S]*exit 0/);
  });

  it('a LICENSE matching package.json', () => {
    expect(JSON.parse(read('package.json')).license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n/);
  });
});
