// Shared by server.mjs (plain Node, not bundled) and the tests, hence plain JS with JSDoc types.

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Decides whether a request may change state. Browsers send Origin on every cross-site POST;
 * when a client omits it we fall back to Referer, and with neither we refuse, because a form
 * submitted from an attacker's page must never ride on the victim's session cookie.
 * Token-authenticated API routes (/api/) carry no cookie and are exempt.
 *
 * @param {{ method: string, path: string, host: string | undefined, origin: string | undefined, referer: string | undefined, appUrl?: string | undefined }} req
 * @returns {boolean}
 */
export function isAllowedStateChange({ method, path, host, origin, referer, appUrl }) {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return true;
  if (path.startsWith("/api/")) return true;
  const source = origin && origin !== "null" ? origin : referer;
  if (!source) return false;
  let sourceHost;
  try {
    sourceHost = new URL(source).host;
  } catch {
    return false;
  }
  const allowedHosts = new Set();
  if (host) allowedHosts.add(host.toLowerCase());
  if (appUrl) {
    try {
      allowedHosts.add(new URL(appUrl).host.toLowerCase());
    } catch {
      // An invalid APP_URL is reported by env validation; here it simply adds nothing.
    }
  }
  return allowedHosts.has(sourceHost.toLowerCase());
}
