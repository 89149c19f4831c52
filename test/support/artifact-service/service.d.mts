// Types for service.mjs (a plain-JS module so it also runs without TypeScript).

export declare const TWIRP_PREFIX: string;
/** The real service's message for a duplicate artifact name (HTTP 409, Twirp `already_exists`). */
export declare const DUPLICATE_NAME_MSG: string;

export interface ArtifactServiceOptions {
  /** Workflow run backend id carried by the token (default: a random UUID). */
  runBackendId?: string;
  /** Workflow job run backend id carried by the token (default: a random UUID). */
  jobBackendId?: string;
  /** Blob container created in Azurite (default "actions-results"). */
  containerName?: string;
  /** Port for the Twirp server on 127.0.0.1 (default 0: a random free port). */
  port?: number;
  /** Azurite workspace (default: a fresh temp dir, deleted on stop). */
  azuriteLocation?: string;
  /** First artifact id handed out (default 1). */
  firstArtifactId?: number;
  /** Called after each successful FinalizeArtifact, before the client gets its answer (awaited). */
  onFinalize?: (record: UploadRecord) => void | Promise<void>;
}

export interface UploadRecord {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  /** Blob name inside the container. */
  blobName: string;
  /** Artifact version sent by the client (7 for @actions/artifact 6). */
  version: number;
  mimeType?: string;
  /** RFC 3339, when the client asked for a retention period. */
  expiresAt?: string;
  createdAt: string;
  finalized: boolean;
  finalizedAt?: string;
  /** Size reported by the client in FinalizeArtifact. */
  size?: number;
  /** Hash reported by the client in FinalizeArtifact, "sha256:<hex>". */
  hash?: string;
  /** Size of the blob actually stored in Azurite at finalize time. */
  blobSize?: number;
  /** sha256 (hex) of the blob actually stored in Azurite at finalize time. */
  blobSha256?: string;
  blobContentType?: string;
}

export interface CallRecord {
  /** Twirp method name, or the path for requests that are not Twirp routes. */
  method: string;
  /** HTTP status answered. */
  status: number;
  at: string;
  request?: Record<string, unknown>;
  error?: { code: string; msg: string };
  fault?: boolean;
}

export interface Fault {
  /** Twirp method to fail (default: the next call of any method). */
  method?: 'CreateArtifact' | 'FinalizeArtifact' | 'ListArtifacts' | 'GetSignedArtifactURL' | 'DeleteArtifact';
  /** Twirp error code (default "internal"); the HTTP status follows the Twirp mapping unless `status` is given. */
  code?: string;
  msg?: string;
  status?: number;
  /** Send this non-JSON body instead of a Twirp error. */
  rawBody?: string;
  /** How many calls to fail (default 1). */
  times?: number;
}

export interface ArtifactService {
  /** ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL and GITHUB_SERVER_URL for the client. */
  env: { ACTIONS_RUNTIME_TOKEN: string; ACTIONS_RESULTS_URL: string; GITHUB_SERVER_URL: string } & Record<string, string>;
  resultsUrl: string;
  port: number;
  runBackendId: string;
  jobBackendId: string;
  containerName: string;
  azurite: { blobEndpoint: string; port: number; pid: number | undefined; location: string };
  /** All artifacts created so far (finalized or not), by id. */
  uploads(): UploadRecord[];
  /** Every request received, in order. */
  calls(): CallRecord[];
  /** Make upcoming calls fail (e.g. 5xx to exercise the client's retries). */
  injectFault(fault: Fault): void;
  /** A token for other backend ids, signed like the service's own (to test id mismatches). */
  tokenFor(runBackendId: string, jobBackendId: string): string;
  /** The stored zip of an artifact of this service's run, by id or by name. */
  downloadBlob(idOrName: number | string): Promise<Buffer>;
  /** Stops the Twirp server and Azurite and deletes Azurite's temp workspace. */
  stop(): Promise<void>;
}

export declare function startArtifactService(options?: ArtifactServiceOptions): Promise<ArtifactService>;

export declare function makeRuntimeToken(args: { runBackendId: string; jobBackendId: string; secret: string; ttlSeconds?: number }): string;
