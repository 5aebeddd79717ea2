/**
 * The one Content-Security-Policy of the app, sent as a header by Electron's app:// handler and by
 * web mode's server alike. No 'unsafe-eval': nothing may compile code from strings (documents are
 * validated by an interpreting JSON-schema validator, rules run as closures). Styles allow inline because React Grid Layout, xyflow and
 * recharts set positions with style attributes; scripts never do. connect-src stays open to http(s)
 * because the sync server is whatever address the user types.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http: https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every page of the app is served with, in Electron and in web mode. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
