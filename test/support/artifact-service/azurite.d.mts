// Types for azurite.mjs.

export declare const AZURITE_ACCOUNT: 'devstoreaccount1';
/** Azurite's published development key (not a secret). */
export declare const AZURITE_ACCOUNT_KEY: string;

export interface AzuriteHandle {
  host: string;
  port: number;
  account: string;
  accountKey: string;
  /** http://127.0.0.1:<port>/devstoreaccount1 */
  blobEndpoint: string;
  location: string;
  pid: number | undefined;
  /** Last few KB of Azurite's stdout/stderr. */
  output(): string;
  stop(): Promise<void>;
}

export declare function azuriteBlobEntry(): string;
export declare function freePort(host?: string): Promise<number>;
export declare function startAzurite(options?: { location?: string; debugLog?: string }): Promise<AzuriteHandle>;
