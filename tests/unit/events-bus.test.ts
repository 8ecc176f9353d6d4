/** The domain-event bus (server/events/bus.ts): `settled()` waits for subscribers still working, as shutdown needs. */
import { describe, expect, it } from 'vitest';
import { createBus, type DomainEvent } from '../../server/events/bus';

const event: DomainEvent = { type: 'notifications.read', userId: 'u1', ids: 'all' };
const quietLog = { error: () => {} };

describe('the domain-event bus', () => {
  it('settles only after every subscriber has finished, including work on events published meanwhile', async () => {
    const bus = createBus(quietLog);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const finished: string[] = [];
    let republished = false;
    bus.subscribe(async () => {
      await gate;
      finished.push('first');
      if (!republished) { republished = true; bus.publish(event); }
    });
    bus.publish(event);
    let settled = false;
    const waiting = bus.settled().then(() => { settled = true; });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false); // the subscriber is still awaiting its gate
    release();
    await waiting;
    expect(finished).toEqual(['first', 'first']);
  });

  it('settles at once when nothing is running, and a failing subscriber neither blocks it nor stops the others', async () => {
    const errors: string[] = [];
    const bus = createBus({ error: (_o: unknown, msg: string) => errors.push(msg) } as never);
    await bus.settled();
    const seen: string[] = [];
    bus.subscribe(async () => { throw new Error('broken'); });
    bus.subscribe(() => { seen.push('sync'); });
    bus.publish(event);
    await bus.settled();
    expect(seen).toEqual(['sync']);
    expect(errors).toEqual(['domain event subscriber failed']);
  });
});
