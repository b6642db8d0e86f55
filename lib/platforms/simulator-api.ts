/**
 * The simulator's stand-in for a platform's own API (InboundAdapter.simulatorApi): point an
 * endpoint's API base at `<origin>/api/simulator/platform` and the calls Button Studio makes
 * (tokens, replies, updates) land there. Each platform's stand-in lives in its own folder and
 * requires what the real API requires; lib/simulator/platform-api.ts routes and records. What a stand-in
 * remembers goes through lib/simulator/store.ts (shared by every instance on PostgreSQL), hence the promises.
 */
import type { JsonProblem } from "@/lib/http/json-safety";

export interface SimulatorCall {
  method: string;
  /** What follows the API base, as sent (percent-encoded). */
  path: string;
  authorization: string | null;
  /** The parsed JSON body; undefined when there was none or it could not be read safely (see bodyProblem). */
  body: unknown;
  bodyProblem: JsonProblem | null;
}

export interface SimulatorAnswer {
  status: number;
  body: unknown;
  /** Whether the caller proved who it is (an issued token, a known app secret): only such calls are recorded. */
  authenticated: boolean;
}

/** An app id and secret as sent for an access token. */
export interface AppCredentials {
  appId: string;
  secret: string;
}

/** What the neutral side offers a stand-in. */
export interface SimulatorContext {
  /** Whether these are the id and secret of an endpoint whose API base is this simulator. */
  knownApp(credentials: AppCredentials): Promise<boolean>;
  /** The adapter's own budget of late updates (InboundAdapter.lateBudget): one source for both sides. */
  lateBudget?: { max: number; windowMs: number; exhaustedCode?: number };
}

export interface SimulatorApi {
  /** Answers like the platform would; null when the path is not this platform's API. */
  answer(call: SimulatorCall, context: SimulatorContext): SimulatorAnswer | null | Promise<SimulatorAnswer | null>;
  /**
   * The app id and secret in a token request body, or null. The simulator also reads each
   * endpoint's own token request (AppTokenSpec.requestBody) with it, so both sides agree.
   */
  credentials?(tokenRequestBody: unknown): AppCredentials | null;
  /** Top-level body fields never recorded (the app secret sent for a token). */
  secretFields?: readonly string[];
  /** A body the simulator signed and sent in the platform's place: tokens it carries become valid (Discord's interaction token). */
  sent?(plaintext: string): Promise<void>;
  /**
   * The HTTP answer the simulator got for a body it sent in the platform's place (`at`: when it arrived, ms):
   * where that answer itself carries the reply (QQ's acknowledgement with a code), the stand-in records it.
   */
  acknowledged?(plaintext: string, answer: { status: number; body: string }, at: number): Promise<void>;
  /** State to show beside the recorded calls, by name (Feishu: the cards its updates left). */
  views?(): Promise<Record<string, unknown[]>>;
}
