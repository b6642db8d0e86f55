import { hasValidApiToken } from "./api-token";
import { isValidSession, sessionTokenFrom } from "./session";

/**
 * Whether a request carries a live session or the API token: the test proxy.ts applies to every
 * request, and the one a long-lived answer (the live event stream) should repeat while it stays
 * open, since a logout after the request started must still cut it off.
 */
export async function isAuthorized(headers: Headers, now = Date.now()): Promise<boolean> {
  // The API token costs no database read: checked first.
  return hasValidApiToken(headers.get("authorization")) || (await isValidSession(sessionTokenFrom(headers.get("cookie")), now));
}
