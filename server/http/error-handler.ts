/**
 * Renders every failure as {"error":{"code","message"}} with the right status. Body-parser
 * failures (bad JSON, too large) are translated here; unknown errors are logged and hidden.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors';
import type { Logger } from '../log';

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new AppError('not_found', `No route ${req.method} ${req.path}`));
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (err?.type === 'entity.too.large') appErr = new AppError('payload_too_large', `Request body is larger than the limit of ${err.limit} bytes`);
    else if (err?.type === 'entity.parse.failed') appErr = new AppError('malformed_json', 'Request body is not valid JSON');
    else if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') appErr = new AppError('invalid_input', 'Unsupported request encoding');
    else {
      log.error({ err, method: req.method, path: req.path }, 'unhandled error');
      appErr = new AppError('internal', 'Something went wrong on our side; the error has been logged');
    }
    if (res.headersSent) return;
    const details = appErr.details as { field?: string; retryAfter?: number } | undefined;
    if (details?.retryAfter) res.setHeader('Retry-After', String(details.retryAfter));
    res.status(appErr.status).json({ error: { code: appErr.code, message: appErr.message, ...(details?.field ? { field: details.field } : {}) } });
  };
}
