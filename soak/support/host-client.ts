/**
 * Calls the browser-mode host the way the renderer does (token header; JSON, or the framed body of
 * src/shared/wire.ts when the arguments carry bytes) and keeps track of what is in flight, so a
 * failure report can say which requests the kill interrupted.
 */
import { API_INVOKE_PATH, TOKEN_HEADER, TOKEN_QUERY } from '../../src/shared/transport';
import { FRAMED_CONTENT_TYPE, encodeFramed, needsFraming } from '../../src/shared/wire';
import type { InvokeResult } from '../../src/shared/contract';

/** The host answered (the call is acknowledged, or refused with an app error). */
export type Answer<T> = { answered: true; result: InvokeResult<T> };
/** No answer: the connection broke (the kill) or the call timed out. */
export type NoAnswer = { answered: false; reason: string };

/** No single call may hang a cycle (a sync run against a slow portal included). */
const CALL_TIMEOUT_MS = 30_000;

export class HostClient {
  private readonly origin: string;
  private readonly token: string;
  private sequence = 0;
  /** Requests sent and not yet answered, as `name#n`. */
  readonly inFlight = new Set<string>();

  constructor(url: string) {
    const address = new URL(url);
    this.origin = address.origin;
    this.token = address.searchParams.get(TOKEN_QUERY) ?? '';
  }

  async call<T>(name: string, args: unknown = {}): Promise<Answer<T> | NoAnswer> {
    const label = `${name}#${++this.sequence}`;
    const framed = needsFraming(args);
    this.inFlight.add(label);
    try {
      const response = await fetch(`${this.origin}${API_INVOKE_PATH}/${name}`, {
        method: 'POST',
        headers: { 'content-type': framed ? FRAMED_CONTENT_TYPE : 'application/json', [TOKEN_HEADER]: this.token },
        body: framed ? encodeFramed(args) : JSON.stringify(args),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      // The answer counts only once its whole body has arrived.
      const result = (await response.json()) as InvokeResult<T>;
      return { answered: true, result };
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
      return { answered: false, reason: `${err instanceof Error ? err.message : String(err)}${cause}` };
    } finally {
      this.inFlight.delete(label);
    }
  }

  /** The value of an acknowledged call, or undefined when there was no answer; an app error throws. */
  async value<T>(name: string, args: unknown = {}): Promise<T | undefined> {
    const answer = await this.call<T>(name, args);
    if (!answer.answered) return undefined;
    if (!answer.result.ok) throw new HostRefusal(name, answer.result.error.code, answer.result.error.message);
    return answer.result.value;
  }
}

export class HostRefusal extends Error {
  constructor(
    readonly handler: string,
    readonly code: string,
    message: string,
  ) {
    super(`${handler} refused: ${code} ${message}`);
  }
}
