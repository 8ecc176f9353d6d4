/** Threads, presence, typing and notifications over Socket.IO (being built; see events.ts). */
import type { SocketFeature } from './features';

export const realtimeFeature: SocketFeature = {
  name: 'realtime',
  connection() {}
};
