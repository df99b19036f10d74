import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Security headers of the portal and the API (helmet): a content security policy allowing only
 * MILEVA's own origin (scripts, styles, data; styles also inline, which Angular's components and
 * the design system write at run time), no framing, no MIME sniffing, no referrer sent to other
 * sites. HTTPS-only headers (HSTS, upgrade of insecure requests) are sent in production only:
 * on http://localhost they would break the standalone mode.
 */
export function securityHeaders(production: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
