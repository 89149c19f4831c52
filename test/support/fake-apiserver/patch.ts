// Patch formats kube-apiserver accepts: strategic merge, JSON Patch (RFC 6902), JSON merge patch (RFC 7386).
// Only as much of each as the product (strategic merge of spec.ephemeralContainers) and the fake's own tests use.
import type { Json } from './types.js';
import { ApiError, badRequest } from './status.js';

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** patchMergeKey of the strategic lists the product patches: it only ever sends spec.ephemeralContainers. */
const MERGE_KEYS: Record<string, string> = { ephemeralContainers: 'name' };

/** Objects merge, null deletes, lists with a merge key merge by it, other values (and lists) replace. No $-directives. */
export function strategicMerge(original: Json, patch: Json): Json {
  if (!isObject(patch)) throw badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
  return mergeMap(isObject(original) ? structuredClone(original) : {}, patch);
}

function mergeMap(target: Record<string, Json>, patch: Record<string, Json>): Record<string, Json> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else if (isObject(value)) target[key] = mergeMap(isObject(target[key]) ? target[key] : {}, value);
    else if (Array.isArray(value) && MERGE_KEYS[key])
      target[key] = mergeList(Array.isArray(target[key]) ? target[key] : [], value, MERGE_KEYS[key]);
    else target[key] = structuredClone(value);
  }
  return target;
}

function mergeList(original: Json[], patch: Json[], mergeKey: string): Json[] {
  const result = original.map((e) => structuredClone(e));
  for (const elem of patch) {
    if (!isObject(elem)) throw badRequest(`unable to find api field in struct for the list element ${JSON.stringify(elem)}`);
    if (!(mergeKey in elem)) throw badRequest(`map: ${JSON.stringify(elem)} does not contain declared merge key: ${mergeKey}`);
    const idx = result.findIndex((o) => isObject(o) && o[mergeKey] === elem[mergeKey]);
    if (idx >= 0) result[idx] = mergeMap(result[idx], elem);
    else result.push(structuredClone(elem));
  }
  return result;
}

/** RFC 7386: objects merge, null deletes, everything else (lists included) replaces. */
export function jsonMergePatch(original: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const target: Record<string, Json> = isObject(original) ? structuredClone(original) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else target[key] = jsonMergePatch(target[key], value);
  }
  return target;
}

/** Errors while applying a JSON patch: kube-apiserver answers 422 with the library's message. */
function patchFailure(message: string): ApiError {
  const e = badRequest(message);
  e.status.code = 422;
  e.status.reason = 'Invalid';
  return e;
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw patchFailure(`invalid JSON pointer: ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface JsonPatchOp {
  op: string;
  path: string;
  value?: Json;
}

/**
 * RFC 6902 add, replace and remove only (anything else answers 422 like an unknown op). A body that is not a
 * JSON array is rejected like the apiserver's decoder does (400): the client's default patch type meets that.
 */
export function jsonPatch(original: Json, ops: Json): Json {
  if (!Array.isArray(ops))
    throw badRequest(`json: cannot unmarshal ${isObject(ops) ? 'object' : typeof ops} into Go value of type jsonpatch.Patch`);
  let doc = structuredClone(original);
  for (const raw of ops as JsonPatchOp[]) {
    if (!isObject(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') throw badRequest('invalid JSON patch operation');
    const { op, path } = raw;
    switch (op) {
      case 'add':
        doc = setAt(doc, parsePointer(path), structuredClone(raw.value), 'add', path);
        break;
      case 'replace':
        getAt(doc, parsePointer(path), op, path);
        doc = setAt(doc, parsePointer(path), structuredClone(raw.value), 'replace', path);
        break;
      case 'remove':
        doc = removeAt(doc, parsePointer(path), path);
        break;
      default:
        throw patchFailure(`Unexpected kind: ${op}`);
    }
  }
  return doc;
}

function getAt(doc: Json, segs: string[], op: string, path: string): Json {
  let cur = doc;
  for (const s of segs) {
    if (Array.isArray(cur)) {
      const i = Number(s);
      if (!/^\d+$/.test(s) || i >= cur.length)
        throw patchFailure(`${op} operation does not apply: doc is missing path: ${path}: missing value`);
      cur = cur[i];
    } else if (isObject(cur) && s in cur) {
      cur = cur[s];
    } else {
      throw patchFailure(`${op} operation does not apply: doc is missing path: ${path}: missing value`);
    }
  }
  return cur;
}

function setAt(doc: Json, segs: string[], value: Json, op: 'add' | 'replace', path: string): Json {
  if (segs.length === 0) return value;
  const parent = getAt(doc, segs.slice(0, -1), op, path);
  const last = segs[segs.length - 1];
  if (Array.isArray(parent)) {
    if (last === '-') {
      parent.push(value);
    } else {
      const i = Number(last);
      if (!/^\d+$/.test(last) || i > parent.length || (op === 'replace' && i >= parent.length))
        throw patchFailure(`${op} operation does not apply: doc is missing path: ${path}: missing value`);
      if (op === 'add') parent.splice(i, 0, value);
      else parent[i] = value;
    }
  } else if (isObject(parent)) {
    parent[last] = value;
  } else {
    throw patchFailure(`${op} operation does not apply: doc is missing path: ${path}: missing value`);
  }
  return doc;
}

function removeAt(doc: Json, segs: string[], path: string): Json {
  if (segs.length === 0) throw patchFailure(`remove operation does not apply: doc is missing path: ${path}: missing value`);
  const parent = getAt(doc, segs.slice(0, -1), 'remove', path);
  const last = segs[segs.length - 1];
  getAt(parent, [last], 'remove', path);
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete (parent as Record<string, Json>)[last];
  return doc;
}
