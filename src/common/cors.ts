import cors from 'cors';
import type { RequestHandler } from 'express';

// Browsers on other origins (the departments' front ends) may call the service when their origin is
// listed in CORS_ORIGINS; none is by default. Tokens travel in the Authorization header, never in
// cookies, so credentials are not allowed: a listed origin can only act with a token it holds.
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'X-Access-Purpose'];
export const CORS_EXPOSED_HEADERS = ['Retry-After', 'Content-Disposition', 'X-Request-Id'];

// "https://a.example, http://10.1.2.3:8080" -> exact origins; anything else is a configuration error.
export function parseCorsOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of origins) {
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw new Error(`CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin such as https://front.example or http://10.0.0.5:8080 (no path, no wildcard)`);
    }
  }
  return origins;
}

// Answers preflights itself (204) for listed origins; for any other origin no CORS header is sent,
// so the browser keeps the response from the page.
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}
