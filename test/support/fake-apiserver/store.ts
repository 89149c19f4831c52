// In-memory object store with a global resourceVersion counter and an event history for watches.
import { randomUUID } from 'node:crypto';
import type { KubeObject } from './types.js';

export const KINDS = {
  Pod: { plural: 'pods', group: '', apiVersion: 'v1' },
  Deployment: { plural: 'deployments', group: 'apps', apiVersion: 'apps/v1' },
  ReplicaSet: { plural: 'replicasets', group: 'apps', apiVersion: 'apps/v1' },
  StatefulSet: { plural: 'statefulsets', group: 'apps', apiVersion: 'apps/v1' },
  DaemonSet: { plural: 'daemonsets', group: 'apps', apiVersion: 'apps/v1' },
  Event: { plural: 'events', group: '', apiVersion: 'v1' },
} as const;
export type Kind = keyof typeof KINDS;

export function kindOfPlural(group: string, plural: string): Kind | undefined {
  return (Object.keys(KINDS) as Kind[]).find((k) => KINDS[k].plural === plural && KINDS[k].group === group);
}

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  rv: number;
  type: EventType;
  kind: Kind;
  object: KubeObject;
  /** The object before this write (MODIFIED/DELETED); watches need it to turn selector changes into ADDED/DELETED. */
  previous?: KubeObject;
}

const keyOf = (kind: string, ns: string, name: string): string => `${kind}/${ns}/${name}`;
const copy = <T>(v: T): T => structuredClone(v);

export class Store {
  private readonly objects = new Map<string, KubeObject>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(e: StoreEvent) => void>();
  /** Oldest resourceVersion a watch may still start from; older ones get 410 Expired. */
  private compactedRv: number;
  private rv: number;

  constructor(firstResourceVersion = 1000) {
    this.rv = firstResourceVersion;
    this.compactedRv = firstResourceVersion;
  }

  currentResourceVersion(): string {
    return String(this.rv);
  }

  /** Creates or replaces an object (kind and metadata.name required). Fills uid, namespace, creationTimestamp. */
  put(input: KubeObject): KubeObject {
    const kind = input.kind as Kind;
    if (!KINDS[kind]) throw new Error(`fake-apiserver: unsupported kind ${String(input.kind)}`);
    if (!input.metadata?.name) throw new Error('fake-apiserver: metadata.name is required');
    const obj = copy(input);
    obj.apiVersion ??= KINDS[kind].apiVersion;
    obj.metadata.namespace ??= 'default';
    const key = keyOf(kind, obj.metadata.namespace, obj.metadata.name);
    const previous = this.objects.get(key);
    obj.metadata.uid ??= previous?.metadata.uid ?? randomUUID();
    obj.metadata.creationTimestamp ??= previous?.metadata.creationTimestamp ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    if (kind !== 'Pod') obj.metadata.generation ??= 1;
    return this.write(kind, key, obj, previous);
  }

  get(kind: Kind, namespace: string, name: string): KubeObject | undefined {
    const obj = this.objects.get(keyOf(kind, namespace, name));
    return obj && copy(obj);
  }

  /** Objects of a kind, in etcd key order (namespace, then name); all namespaces when `namespace` is undefined. */
  list(kind: Kind, namespace?: string): KubeObject[] {
    return [...this.objects.values()]
      .filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace))
      .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`))
      .map(copy);
  }

  /** Read-modify-write: `mutate` changes the copy in place or returns a replacement. Bumps resourceVersion. */
  update(kind: Kind, namespace: string, name: string, mutate: (obj: KubeObject) => KubeObject | void): KubeObject {
    const key = keyOf(kind, namespace, name);
    const previous = this.objects.get(key);
    if (!previous) throw new Error(`fake-apiserver: ${kind} ${namespace}/${name} not found`);
    const draft = copy(previous);
    const next = mutate(draft) ?? draft;
    next.metadata.uid = previous.metadata.uid;
    next.kind = kind;
    return this.write(kind, key, next, previous);
  }

  delete(kind: Kind, namespace: string, name: string): boolean {
    const key = keyOf(kind, namespace, name);
    const previous = this.objects.get(key);
    if (!previous) return false;
    this.objects.delete(key);
    const object = copy(previous);
    object.metadata.resourceVersion = String(++this.rv);
    this.emit({ rv: this.rv, type: 'DELETED', kind, object, previous: copy(previous) });
    return true;
  }

  /** Simulates etcd compaction: watches from any resourceVersion before now get 410 Expired. */
  compact(): void {
    this.history.length = 0;
    this.compactedRv = this.rv;
  }

  /** Events after `rv`, or undefined when that point was compacted away. */
  eventsSince(rv: number): StoreEvent[] | undefined {
    if (rv < this.compactedRv) return undefined;
    return this.history.filter((e) => e.rv > rv).map(copy);
  }

  subscribe(fn: (e: StoreEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private write(kind: Kind, key: string, obj: KubeObject, previous: KubeObject | undefined): KubeObject {
    obj.metadata.resourceVersion = String(++this.rv);
    this.objects.set(key, obj);
    this.emit({ rv: this.rv, type: previous ? 'MODIFIED' : 'ADDED', kind, object: copy(obj), previous: previous && copy(previous) });
    return copy(obj);
  }

  private emit(e: StoreEvent): void {
    this.history.push(e);
    for (const fn of [...this.listeners]) fn(copy(e));
  }
}
