import { describe, expect, it } from 'vitest';
import { Holds, HOLD_TTL_MS, planRemoteChange } from './holds';

describe('the hold', () => {
  it('covers each window\'s open article, lets go when the window shows another screen, and lapses when it falls silent', () => {
    let now = 1_000;
    const holds = new Holds(() => now);
    holds.set('tab-1', 'a');
    holds.set('tab-2', 'b');
    expect(holds.isHeld('a')).toBe(true);
    expect(holds.isHeld('b')).toBe(true);
    expect(holds.isHeld('c')).toBe(false);
    // tab-1 goes to Antrean Terbit: 'a' is free, 'b' still held by the other tab.
    holds.set('tab-1', null);
    expect(holds.isHeld('a')).toBe(false);
    expect(holds.isHeld('b')).toBe(true);
    // Two windows on one article: it stays held until both let go.
    holds.set('tab-1', 'b');
    holds.set('tab-2', 'c');
    expect(holds.isHeld('b')).toBe(true);
    // tab-1 renews, tab-2 was closed without a word.
    now += HOLD_TTL_MS - 1;
    holds.set('tab-1', 'b');
    now += 2;
    expect(holds.isHeld('c')).toBe(false);
    expect(holds.isHeld('b')).toBe(true);
  });

  it('never blocks anything but the text, and turns a portal text change to an open article into a choice', () => {
    const base = { held: false, waitingDelivery: false, inConflict: false, textChanged: false };
    // Status, note, time, link only: applied whether or not the article is open.
    expect(planRemoteChange(base)).toEqual({ skip: false, takeText: false, offerChoice: false });
    expect(planRemoteChange({ ...base, held: true })).toEqual({ skip: false, takeText: false, offerChoice: false });
    // Text changed on the portal: taken in when nobody has it open, a visible choice when someone has.
    expect(planRemoteChange({ ...base, textChanged: true })).toEqual({ skip: false, takeText: true, offerChoice: false });
    expect(planRemoteChange({ ...base, textChanged: true, held: true })).toEqual({ skip: false, takeText: false, offerChoice: true });
    // A local change waiting to go, or a conflict waiting for a person: the delivery or the person decides.
    expect(planRemoteChange({ ...base, textChanged: true, waitingDelivery: true }).skip).toBe(true);
    expect(planRemoteChange({ ...base, held: true, inConflict: true }).skip).toBe(true);
    // Parked for a person (e.g. photos the account may not upload): the status follows, portal text becomes a choice.
    expect(planRemoteChange({ ...base, parkedDelivery: true })).toEqual({ skip: false, takeText: false, offerChoice: false });
    expect(planRemoteChange({ ...base, parkedDelivery: true, textChanged: true })).toEqual({ skip: false, takeText: false, offerChoice: true });
  });
});
