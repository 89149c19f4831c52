// In-process fake kube-apiserver for integration tests with the real @kubernetes/client-node.
export { startFakeApiServer, DEFAULT_TOKEN, DEFAULT_USER, EXEC_PROTOCOLS } from './server.js';
export type { FakeApiServer, FakeApiServerOptions, Faults, KubeconfigOptions, RecordedRequest } from './server.js';
export { Store, KINDS, type Kind, type StoreEvent } from './store.js';
export { SimulatedKubelet, kubeletSteps, policyByImage, type KubeletOptions, type KubeletPolicy, type KubeletStep } from './kubelet.js';
export {
  localShell,
  localShellHandler,
  spawnLocal,
  scripted,
  scriptedHandler,
  exitCodeStatus,
  successStatus,
  execInternalError,
  commandNotFoundStatus,
  type ExecBehaviour,
  type ExecHandler,
  type ExecIO,
  type ExecOutcome,
  type ExecRecord,
  type ExecRequest,
  type LocalShellOptions,
  type ScriptedExec,
} from './exec.js';
export { makePod, makePodFor, makeDeployment, makeReplicaSet, makeStatefulSet, makeDaemonSet, ownerRef } from './fixtures.js';
export type { ContainerInput, MakePodOptions, MakeDeploymentOptions, MakeReplicaSetOptions, MakeStatefulSetOptions } from './fixtures.js';
export { strategicMerge, jsonPatch, jsonMergePatch } from './patch.js';
export { parseLabelSelector, matchesLabels } from './selectors.js';
export { WebSocketClient, type WsClient } from './ws.js';
export type { Json, KubeObject, ObjectMeta, OwnerReference, StatusBody } from './types.js';
