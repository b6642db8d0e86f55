import { BlockList, isIP } from "node:net";

/**
 * SIMULATOR_ALLOWED_TARGETS: where the simulator, replay and the Easemob simulator may send.
 * Unset or empty: anywhere (a developer's own bot on any host and port). Otherwise a
 * comma-separated list of
 *   - origins, `http://localhost:*`, `https://*.example.com`, `http://10.0.0.5:8080` (no port: the
 *     scheme's default; `*`: any port; `*.` matches subdomains only);
 *   - hosts, `localhost`, `bot.internal:8080`, `*.example.com` (any scheme; no port: any port);
 *   - IP ranges, `10.0.0.0/8`, `fd00::/8` (any scheme and port), matched against IP-literal URLs only.
 * Names are matched as written, never resolved: allow a name only if you trust what it resolves to.
 * An entry that cannot be read matches nothing (a typo closes, never opens).
 */
export interface TargetRules {
  /** False when unset: every target is allowed. */
  restricted: boolean;
  matches(target: URL): boolean;
}

type HostPattern = { any: true } | { suffix: string } | { exact: string };
interface NamedRule {
  scheme: "http:" | "https:" | null;
  host: HostPattern;
  /** null: any port. */
  port: string | null;
}

const DEFAULT_PORT: Record<string, string> = { "http:": "80", "https:": "443" };
const ORIGIN = /^(https?):\/\/(\[[0-9a-f:.]+\]|[^\s:/[\]]+)(?::(\d{1,5}|\*))?\/?$/i;
const HOST = /^(\[[0-9a-f:.]+\]|[^\s:/[\]]+)(?::(\d{1,5}|\*))?$/i;

/** A hostname as URL parsing writes it (lower case, IPv4 normalized, IPv6 bracketed), without a trailing dot. */
function canonicalHost(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname.replace(/\.$/, "");
  } catch {
    return null;
  }
}

function hostPattern(host: string): HostPattern | null {
  if (host === "*") return { any: true };
  if (host.startsWith("*.")) {
    const rest = canonicalHost(host.slice(2));
    return rest ? { suffix: `.${rest}` } : null;
  }
  const exact = canonicalHost(host);
  return exact ? { exact } : null;
}

function addRange(list: BlockList, entry: string): boolean {
  const slash = entry.lastIndexOf("/");
  const address = entry.slice(0, slash);
  const prefix = Number(entry.slice(slash + 1));
  const family = isIP(address);
  if (!family || !/^\d{1,3}$/.test(entry.slice(slash + 1)) || prefix > (family === 4 ? 32 : 128)) return false;
  list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
  return true;
}

function namedRule(entry: string): NamedRule | null {
  const origin = ORIGIN.exec(entry);
  if (origin) {
    const scheme = `${origin[1]!.toLowerCase()}:` as "http:" | "https:";
    const host = hostPattern(origin[2]!);
    const port = origin[3] === "*" ? null : (origin[3] ?? DEFAULT_PORT[scheme]!);
    return host ? { scheme, host, port } : null;
  }
  const bare = HOST.exec(entry);
  if (!bare) return null;
  const host = hostPattern(bare[1]!);
  return host ? { scheme: null, host, port: bare[2] === undefined || bare[2] === "*" ? null : bare[2] } : null;
}

function hostMatches(pattern: HostPattern, hostname: string): boolean {
  if ("any" in pattern) return true;
  if ("suffix" in pattern) return hostname.endsWith(pattern.suffix) && hostname.length > pattern.suffix.length;
  return hostname === pattern.exact;
}

/** Reads the list; `invalid` names the entries that match nothing, for the operator's log. */
export function parseAllowedTargets(value: string | undefined): TargetRules & { invalid: string[] } {
  const entries = (value ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const ranges = new BlockList();
  let hasRanges = false;
  const named: NamedRule[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    if (entry.includes("/") && !entry.includes("://")) {
      if (addRange(ranges, entry)) hasRanges = true;
      else invalid.push(entry);
      continue;
    }
    const rule = namedRule(entry);
    if (rule) named.push(rule);
    else invalid.push(entry);
  }
  return {
    restricted: entries.length > 0,
    invalid,
    matches(target) {
      if (entries.length === 0) return true;
      const scheme = target.protocol;
      if (scheme !== "http:" && scheme !== "https:") return false;
      const hostname = target.hostname.replace(/\.$/, "");
      const port = target.port || DEFAULT_PORT[scheme]!;
      const ip = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
      const family = isIP(ip);
      if (hasRanges && family && ranges.check(ip, family === 4 ? "ipv4" : "ipv6")) return true;
      return named.some((rule) => (rule.scheme === null || rule.scheme === scheme) && (rule.port === null || rule.port === port) && hostMatches(rule.host, hostname));
    },
  };
}

let cached: { value: string | undefined; rules: TargetRules } | null = null;

/** The rules of the current SIMULATOR_ALLOWED_TARGETS, read again only when it changes. */
export function allowedTargets(): TargetRules {
  const value = process.env.SIMULATOR_ALLOWED_TARGETS;
  if (cached && cached.value === value) return cached.rules;
  const rules = parseAllowedTargets(value);
  if (rules.invalid.length) console.warn(`[simulator] SIMULATOR_ALLOWED_TARGETS entries that match nothing: ${rules.invalid.join(", ")}`);
  cached = { value, rules };
  return rules;
}
