// What kube-apiserver does with an update of pods/ephemeralcontainers: keep only spec.ephemeralContainers from
// the new object, default, validate (validation.go validateEphemeralContainers + ValidatePodEphemeralContainersUpdate).
import type { Json, KubeObject } from './types.js';
import { fieldDuplicate, fieldForbidden, fieldInvalid, fieldNotFound, fieldRequired, invalid, type FieldError } from './status.js';

/** Fields of EphemeralContainerCommon in Go struct order (the order validateFieldAllowList reports in). */
const CONTAINER_FIELDS = [
  'name',
  'image',
  'command',
  'args',
  'workingDir',
  'ports',
  'envFrom',
  'env',
  'resources',
  'resizePolicy',
  'restartPolicy',
  'restartPolicyRules',
  'volumeMounts',
  'volumeDevices',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle',
  'terminationMessagePath',
  'terminationMessagePolicy',
  'imagePullPolicy',
  'securityContext',
  'stdin',
  'stdinOnce',
  'tty',
];
const ALLOWED_FIELDS = new Set([
  'name',
  'image',
  'command',
  'args',
  'workingDir',
  'env',
  'envFrom',
  'volumeMounts',
  'volumeDevices',
  'terminationMessagePath',
  'terminationMessagePolicy',
  'imagePullPolicy',
  'securityContext',
  'stdin',
  'stdinOnce',
  'tty',
]);
const KNOWN_FIELDS = new Set([...CONTAINER_FIELDS, 'targetContainerName']);
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const isSet = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== false && v !== '' && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

/** SetDefaults_Container for the fields an ephemeral container can have. */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastPart.includes(':') ? lastPart.slice(lastPart.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** Drops unknown fields (the apiserver's decoder does, with a warning) and applies defaults. */
function normalise(containers: Json[], warnings: string[]): Json[] {
  return containers.map((c, i) => {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries((c ?? {}) as Record<string, Json>)) {
      if (KNOWN_FIELDS.has(k)) out[k] = v;
      else warnings.push(`unknown field "spec.ephemeralContainers[${i}].${k}"`);
    }
    for (const [k, v] of Object.entries(out)) if (v === null) delete out[k];
    out.terminationMessagePath ??= '/dev/termination-log';
    out.terminationMessagePolicy ??= 'File';
    if (typeof out.image === 'string' && out.image) out.imagePullPolicy ??= defaultImagePullPolicy(out.image);
    return out;
  });
}

const stable = (v: Json): string =>
  JSON.stringify(v, (_k, val) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => a.localeCompare(b)))
      : val,
  );

function diff(oldC: Record<string, Json>, newC: Record<string, Json>): string {
  const keys = [...new Set([...Object.keys(oldC), ...Object.keys(newC)])].sort();
  return keys
    .filter((k) => stable(oldC[k]) !== stable(newC[k]))
    .map((k) => `  ${k}:\n-   ${stable(oldC[k]) ?? '<unset>'}\n+   ${stable(newC[k]) ?? '<unset>'}`)
    .join('\n');
}

export function validateEphemeralContainers(pod: KubeObject): FieldError[] {
  const spec = pod.spec ?? {};
  const errs: FieldError[] = [];
  const regular = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].map((c: Json) => c?.name as string);
  const allNames = new Set<string>(regular);
  const volumes = new Set<string>((spec.volumes ?? []).map((v: Json) => v?.name));
  (spec.ephemeralContainers ?? []).forEach((ec: Record<string, Json>, i: number) => {
    const p = `spec.ephemeralContainers[${i}]`;
    if (!ec.name) errs.push(fieldRequired(`${p}.name`));
    else if (!DNS1123_LABEL.test(ec.name) || ec.name.length > 63) errs.push(fieldInvalid(`${p}.name`, ec.name, DNS1123_LABEL_MSG));
    if (ec.imagePullPolicy !== undefined && !['Always', 'IfNotPresent', 'Never'].includes(ec.imagePullPolicy))
      errs.push({
        type: 'FieldValueNotSupported',
        field: `${p}.imagePullPolicy`,
        body: `Unsupported value: ${JSON.stringify(ec.imagePullPolicy)}: supported values: "Always", "IfNotPresent", "Never"`,
      });
    if (!['File', 'FallbackToLogsOnError'].includes(ec.terminationMessagePolicy))
      errs.push({
        type: 'FieldValueNotSupported',
        field: `${p}.terminationMessagePolicy`,
        body: `Unsupported value: ${JSON.stringify(ec.terminationMessagePolicy)}: supported values: "File", "FallbackToLogsOnError"`,
      });
    const mountPaths = new Set<string>();
    (ec.volumeMounts ?? []).forEach((vm: Record<string, Json>, j: number) => {
      const mp = `${p}.volumeMounts[${j}]`;
      if (!vm?.name) errs.push(fieldRequired(`${mp}.name`));
      else if (!volumes.has(vm.name)) errs.push(fieldNotFound(`${mp}.name`, vm.name));
      if (!vm?.mountPath) errs.push(fieldRequired(`${mp}.mountPath`));
      else if (mountPaths.has(vm.mountPath)) errs.push(fieldInvalid(`${mp}.mountPath`, vm.mountPath, 'must be unique'));
      else mountPaths.add(vm.mountPath);
    });
    if (!ec.image) errs.push(fieldRequired(`${p}.image`));
    if (ec.name) {
      if (allNames.has(ec.name)) errs.push(fieldDuplicate(`${p}.name`, ec.name));
      else allNames.add(ec.name);
    }
    if (ec.targetContainerName && !regular.includes(ec.targetContainerName))
      errs.push(fieldNotFound(`${p}.targetContainerName`, ec.targetContainerName));
    for (const f of CONTAINER_FIELDS)
      if (!ALLOWED_FIELDS.has(f) && isSet(ec[f])) errs.push(fieldForbidden(`${p}.${f}`, 'cannot be set for an Ephemeral Container'));
    (ec.volumeMounts ?? []).forEach((vm: Record<string, Json>, j: number) => {
      if (vm?.subPath) errs.push(fieldForbidden(`${p}.volumeMounts[${j}].subPath`, 'cannot be set for an Ephemeral Container'));
      if (vm?.subPathExpr) errs.push(fieldForbidden(`${p}.volumeMounts[${j}].subPathExpr`, 'cannot be set for an Ephemeral Container'));
    });
  });
  return errs;
}

export interface EphemeralUpdateResult {
  pod: KubeObject;
  /** Values for `Warning: 299 - "..."` response headers. */
  warnings: string[];
}

/** `incoming` is the patched pod. Throws ApiError (422). */
export function updateEphemeralContainers(current: KubeObject, incoming: KubeObject): EphemeralUpdateResult {
  const name = current.metadata.name;
  if (current.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined)
    throw invalid('Pod', '', name, [fieldForbidden('', 'static pods do not support ephemeral containers')]);

  const warnings: string[] = [];
  const next = structuredClone(current);
  next.spec = { ...(next.spec ?? {}), ephemeralContainers: normalise(incoming.spec?.ephemeralContainers ?? [], warnings) };
  const errs = validateEphemeralContainers(next);

  const byName = new Map<string, Record<string, Json>>(next.spec.ephemeralContainers.map((c: Json) => [c.name, c]));
  for (const old of current.spec?.ephemeralContainers ?? []) {
    const now = byName.get(old.name);
    if (!now)
      errs.push(
        fieldForbidden('spec.ephemeralContainers', `existing ephemeral containers ${JSON.stringify(old.name)} may not be removed\n`),
      );
    else if (stable(now) !== stable(old))
      errs.push(
        fieldForbidden(
          `spec.ephemeralContainers[${old.name}]`,
          `existing ephemeral containers ${JSON.stringify(old.name)} may not be changed\n${diff(old, now)}`,
        ),
      );
  }
  if (errs.length) throw invalid('Pod', '', name, errs);
  if (!next.spec.ephemeralContainers.length) delete next.spec.ephemeralContainers;
  return { pod: next, warnings };
}
