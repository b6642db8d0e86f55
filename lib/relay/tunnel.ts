import "server-only";

/**
 * Whether a `button-studio relay` CLI is connected for this endpoint. The tunnel itself is not built yet, so none
 * ever is: an endpoint whose target is `tunnel` answers with its fallback at once, and /live says why.
 */
export function tunnelConnected(endpointId: string): boolean {
  void endpointId;
  return false;
}
