import "server-only";
import type { EndpointView } from "@/lib/endpoints/view";
import { tunnelConnected } from "@/lib/relay/tunnel";

/** An endpoint as the endpoints API and page show it, with whether a `button-studio relay` CLI is connected for it now. */
export type EndpointWithTunnel = EndpointView & { tunnelConnected: boolean };

/**
 * Added here rather than in endpointView: the view is built from the stored row, while a tunnel lives in this
 * process only, so it is read as the answer is sent (the page polls it while it waits for the CLI).
 */
export function withTunnel(view: EndpointView): EndpointWithTunnel {
  return { ...view, tunnelConnected: tunnelConnected(view.id) };
}
