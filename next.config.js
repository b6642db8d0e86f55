// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/**
 * Sent with every response Next serves, pages, API answers and proxy.ts's redirects and 401s
 * alike: no other site may frame the studio (clickjacking the reply and endpoint buttons), no
 * MIME sniffing, no full URLs leaked to other origins. No script-src: Next's own inline scripts
 * would need nonces on every page. The callback lane (server/lane.ts) answers platforms, not
 * browsers, before Next sees the request.
 */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native modules stay outside the server bundle, proxy.ts's included (Next 16 bundles the
  // Node-runtime proxy with the same externals as route handlers).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = withNextIntl(nextConfig);
