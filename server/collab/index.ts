/**
 * Live co-editing of encounter code sets (docs/ARCHITECTURE.md "Live code sets"). One
 * CollabService per AppContext, created on first use, so REST commands and socket handlers of
 * one server share the same documents. `collabFeature` is its entry in the socket layer's
 * feature list (server/sockets/features.ts).
 */
import type { SocketFeature } from '../sockets/features';
import type { AppContext } from '../context';
import { CollabService, DEFAULT_OPTIONS, type CollabOptions } from './service';
import { registerCollabHandlers } from './handlers';

const services = new WeakMap<AppContext, CollabService>();

export function collabOf(ctx: AppContext, opts?: Partial<CollabOptions>): CollabService {
  let s = services.get(ctx);
  if (!s) {
    s = new CollabService(ctx, { ...DEFAULT_OPTIONS, ...collabOptionsFromEnv(), ...opts });
    services.set(ctx, s);
  }
  return s;
}

/** Test and benchmark knobs (grace period, compaction threshold) without touching config.ts. */
function collabOptionsFromEnv(): Partial<CollabOptions> {
  const out: Partial<CollabOptions> = {};
  const grace = Number(process.env.COLLAB_GRACE_MS);
  if (Number.isFinite(grace) && grace >= 0 && process.env.COLLAB_GRACE_MS) out.graceMs = grace;
  const compact = Number(process.env.COLLAB_COMPACT_AFTER);
  if (Number.isInteger(compact) && compact > 0) out.compactAfter = compact;
  return out;
}

/** The socket feature (server/sockets/features.ts): collab events on every connection. */
export const collabFeature: SocketFeature = {
  name: 'collab',
  setup(ctx, io) {
    const service = collabOf(ctx);
    service.attach(io);
    return () => void service.close();
  },
  connection(ctx, io, socket) {
    registerCollabHandlers(ctx, collabOf(ctx), io, socket);
  }
};

export { registerCollabHandlers };
export type { CollabService };
