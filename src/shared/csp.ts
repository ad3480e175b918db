// The Content Security Policy of the desk's pages, one string for both shells: Electron sets it on
// every response of the window's session, browser mode sends it with every file it serves.

/** Scripts and styles only from the app itself; no plugins, no framing, no form posts. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')
