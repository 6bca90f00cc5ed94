import type { NextFunction, Request, Response } from 'express';

// Answers of this service may carry personal data: no browser, proxy or CDN keeps a copy.
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('cache-control', 'no-store');
  next();
}
