import type { V1Pod } from '@kubernetes/client-node';
import { hasFeature, JdkFeature } from '../shared/jdk-features.js';

export interface TmpMountChoice {
  /** The pod volume to mount at /tmp in the debugger, when the JVM's /tmp can be shared that way. */
  volume?: string;
  note: string;
}

const isTmp = (p: string) => p.replace(/\/+$/, '') === '/tmp';

/** Picks the pod volume that is the JVM's /tmp, so attach sockets and heap dumps are visible to the debugger. */
export function chooseTmpMount(pod: V1Pod, container: string, setting: string): TmpMountChoice {
  if (setting === 'none') return { note: "tmp-volume is 'none': the debugger reaches the JVM's /tmp through /proc" };
  const volumes = (pod.spec?.volumes ?? []).map((v) => v.name);
  if (setting !== 'auto') {
    if (!volumes.includes(setting)) {
      throw new Error(
        `tmp-volume '${setting}' is not a volume of pod ${pod.metadata?.name}; its volumes: ${volumes.join(', ') || 'none'}. Use auto, none or one of them.`,
      );
    }
    return { volume: setting, note: `volume '${setting}' as requested` };
  }
  const c = pod.spec?.containers.find((x) => x.name === container);
  const mount = c?.volumeMounts?.find((m) => isTmp(m.mountPath));
  if (!mount) return { note: `container '${container}' mounts no volume at /tmp: the debugger reaches the JVM's /tmp through /proc` };
  // Ephemeral containers may not use subPath, so a subPath /tmp cannot be reproduced.
  if (mount.subPath || mount.subPathExpr)
    return { note: `container '${container}' mounts /tmp with a subPath, which ephemeral containers cannot: using /proc instead` };
  return { volume: mount.name, note: `shares volume '${mount.name}', the JVM's /tmp` };
}

export type TmpStrategy = 'shared-volume' | 'proc-root' | 'tmp-symlink';

/**
 * How jcmd reaches the attach socket and where the heap dump can be read back. jcmd 21+ follows
 * /proc/<pid>/root by itself (JdkFeature.JcmdFollowsProcRoot); older jcmd looks in its own /tmp, so without a shared volume
 * its /tmp must become a link to the JVM's, which only root may do.
 */
export function chooseTmpStrategy(sharedVolume: boolean, debuggerJdkFeature: number | undefined, debuggerIsRoot: boolean): TmpStrategy {
  if (sharedVolume) return 'shared-volume';
  if (hasFeature(debuggerJdkFeature, JdkFeature.JcmdFollowsProcRoot)) return 'proc-root';
  if (debuggerIsRoot) return 'tmp-symlink';
  throw new Error(
    `The debugger's JDK ${debuggerJdkFeature ?? '(unknown version)'} cannot attach to a JVM in another container without a shared /tmp, ` +
      "and it runs as non-root so it cannot link its /tmp to the JVM's. Fix: use a JDK 21+ image for jdk-image (e.g. eclipse-temurin:25-jdk), " +
      'or mount an emptyDir at /tmp in the target container so the debugger can share it.',
  );
}

/** Where the debugger reads a file the JVM wrote at `jvmPath` (an absolute path in the JVM's filesystem). */
export function debuggerPathFor(strategy: TmpStrategy, pid: number, jvmPath: string): string {
  return strategy === 'proc-root' ? `/proc/${pid}/root${jvmPath}` : jvmPath;
}
