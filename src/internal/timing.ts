/**
 * The paces and clocks of the element's controllers, in one internal module (the package exports
 * none of it): the defaults of SPEC §3, which tests shorten or replace with a fake clock here,
 * and which each controller also takes as a constructor option (issue 19: no test seam in the API).
 */
import type { FollowIntervals, Visibility } from '../api/follow.js';
import type { Sleep } from '../api/retry.js';

/** How a status controller follows a request: defaults from api/follow.ts and the page. */
export interface FollowTiming {
  intervals?: Partial<FollowIntervals>;
  sleep?: Sleep;
  visibility?: () => Visibility;
  random?: () => number;
}

export interface Timing {
  /** Between two `/me` checks while the connect step is shown, in ms (SPEC §3: 2 s). */
  connectPoll: number;
  /** Following a request; empty: follow()'s defaults and `document.visibilityState`. */
  follow: FollowTiming;
}

export const DEFAULT_TIMING: Readonly<Timing> = Object.freeze({ connectPoll: 2000, follow: Object.freeze({}) });

/** What every controller created afterwards uses, unless given its own. */
export const timing: Timing = { connectPoll: DEFAULT_TIMING.connectPoll, follow: {} };

/** Back to the defaults (tests, after tuning). */
export function resetTiming(): void {
  timing.connectPoll = DEFAULT_TIMING.connectPoll;
  timing.follow = {};
}
