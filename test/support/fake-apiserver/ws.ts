// `ws` comes in through @kubernetes/client-node, without @types/ws: load it via require and type the little we use.
import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';

export interface WsSocket extends EventEmitter {
  readonly protocol: string;
  readonly readyState: number;
  send(data: Buffer, options: { binary: boolean }, cb?: (err?: Error) => void): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
}

export interface WsServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, cb: (ws: WsSocket) => void): void;
  close(cb?: (err?: Error) => void): void;
}

/** Client side, for tests that need flow control the client-node Exec does not do. */
export interface WsClient extends WsSocket {
  pause(): void;
  resume(): void;
}

interface WsModule {
  WebSocket: new (url: string, protocols: string[], options?: { headers?: Record<string, string> }) => WsClient;
  WebSocketServer: new (options: {
    noServer: true;
    perMessageDeflate?: boolean;
    maxPayload?: number;
    handleProtocols?: (protocols: Set<string>, req: IncomingMessage) => string | false;
  }) => WsServer;
}

export const WS_OPEN = 1;

export const { WebSocketServer, WebSocket: WebSocketClient } = createRequire(import.meta.url)('ws') as WsModule;
