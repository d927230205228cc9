/**
 * Which events a request's change calls for (SPEC §2: "events announce what this element instance
 * sees happen"; hosts de-duplicate by `request.id`). Pure: no DOM, no Lit; the status controller
 * turns these into the classes of events.ts.
 *
 * Decisions:
 * - On attaching (`request-id`, a restored draft), `jse-status` comes first and carries the whole
 *   request, each signer's status included. Then, when the request is already final, its outcome
 *   event (`jse-signed`, `jse-refused`, `jse-expired`, `jse-cancelled`): SPEC §2 asks for it ("finds
 *   the state on attaching"), because a host that missed it must still be able to store the signed
 *   version or close its "en attente" version.
 * - Signers already signed when attaching get NO `jse-signer-signed`: this instance did not see
 *   them sign, `jse-status` already says it, and a host that re-attaches (every remount) would
 *   otherwise be told the same signature again and again. Signers who sign after attaching do get it.
 * - `jse-pending` is never produced here: only the instance that created the request fires it.
 * - When one poll reveals several changes (the last signer signed between two polls), the
 *   per-signer events come first, then the request's outcome, in the order they happened.
 * - Once a request is final nothing more is announced, and a snapshot older than the last one seen
 *   (an in-flight poll overtaken by a refresh after cancelling) is ignored.
 */
import type { RequestSigner, RequestStatus, SignRequest } from '../api/types.js';

/** The final statuses, each with the event that announces it. */
export type Outcome = Exclude<RequestStatus, 'pending'>;

/** One event to fire, before it becomes an event class. */
export type StatusChange =
  | { type: 'jse-status'; request: SignRequest }
  | { type: 'jse-signer-signed'; request: SignRequest; signer: RequestSigner }
  | { type: `jse-${Outcome}`; request: SignRequest };

const OUTCOMES: ReadonlySet<RequestStatus> = new Set<RequestStatus>(['signed', 'refused', 'expired', 'cancelled']);

/** Whether a request's status will not change any more. */
export function isOutcome(status: RequestStatus): status is Outcome {
  return OUTCOMES.has(status);
}

/**
 * The events between two snapshots of the same request (pure diff, no memory): a signer whose
 * status became `signed`, and the request reaching a final status.
 */
export function changesBetween(previous: SignRequest, next: SignRequest): StatusChange[] {
  if (isOutcome(previous.status)) return [];
  const before = new Map(previous.signers.map((s) => [s.id, s.status]));
  const changes: StatusChange[] = [];
  for (const signer of next.signers) {
    if (signer.status === 'signed' && before.get(signer.id) !== 'signed') changes.push({ type: 'jse-signer-signed', request: next, signer });
  }
  if (isOutcome(next.status)) changes.push({ type: `jse-${next.status}`, request: next });
  return changes;
}

/** The events on attaching to a request found in this state. */
export function changesOnAttach(request: SignRequest): StatusChange[] {
  const changes: StatusChange[] = [{ type: 'jse-status', request }];
  if (isOutcome(request.status)) changes.push({ type: `jse-${request.status}`, request });
  return changes;
}

/**
 * One followed request's memory: the last snapshot and what was announced, so that no transition
 * is ever announced twice, whatever order or repetition the snapshots come in.
 */
export class RequestWatch {
  readonly id: string;
  #last: SignRequest;
  readonly #announced = new Set<string>();

  /**
   * @param request the request as first seen
   * @param mode `attach`: announce it (`jse-status`, then its outcome if final); `quiet`: the
   *   request was just created here and announced by the sender (`jse-pending`), so nothing now.
   */
  constructor(request: SignRequest, readonly mode: 'attach' | 'quiet') {
    this.id = request.id;
    this.#last = request;
    // Whatever the first snapshot shows is known, announced or not: never announced later.
    for (const signer of request.signers) if (signer.status === 'signed') this.#announced.add(`signer:${signer.id}`);
    if (isOutcome(request.status)) this.#announced.add('outcome');
  }

  /** The events of the first snapshot (see the constructor's `mode`). Call once. */
  initial(): StatusChange[] {
    return this.mode === 'attach' ? changesOnAttach(this.#last) : [];
  }

  /** The request as last seen. */
  get request(): SignRequest {
    return this.#last;
  }

  /** Takes a new snapshot; returns the events it calls for (none for a stale or repeated one). */
  update(next: SignRequest): StatusChange[] {
    if (next.id !== this.id) throw new Error(`snapshot of ${next.id} given to the watch of ${this.id}`);
    if (isOutcome(this.#last.status)) return [];
    if (isOlder(next, this.#last)) return [];
    const previous = this.#last;
    this.#last = next;
    const fresh: StatusChange[] = [];
    for (const change of changesBetween(previous, next)) {
      const key = change.type === 'jse-signer-signed' ? `signer:${change.signer.id}` : 'outcome';
      if (this.#announced.has(key)) continue;
      this.#announced.add(key);
      fresh.push(change);
    }
    return fresh;
  }
}

function isOlder(next: SignRequest, last: SignRequest): boolean {
  const a = Date.parse(next.updatedAt);
  const b = Date.parse(last.updatedAt);
  return Number.isFinite(a) && Number.isFinite(b) && a < b;
}
