/**
 * The feature modules of the socket layer, in registration order. Add yours here (one line);
 * see the header of ./index.ts for what `setup` and `connection` are called with and when.
 */
import type { Server, Socket } from 'socket.io';
import type { AppContext } from '../context';
import { realtimeFeature } from './realtime';
import { collabFeature } from '../collab';

export interface SocketFeature {
  name: string;
  /** Once per Socket.IO server: subscribe to ctx.bus / ctx.events; the returned function undoes it. */
  setup?(ctx: AppContext, io: Server): (() => void) | void;
  /** Once per authenticated socket: register its event handlers (with handle() from ./handle). */
  connection(ctx: AppContext, io: Server, socket: Socket): void;
}

export const SOCKET_FEATURES: SocketFeature[] = [realtimeFeature, collabFeature];
