/**
 * A URL whose percent-escapes do not decode (`/%ZZ`) names nothing we serve. Express would fail
 * deep in routing or static-file serving with a URIError (500 and a stack trace in the log);
 * this answers 400 in the error shape before any of that runs.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../errors';

export function refuseMalformedUrl(): RequestHandler {
  return (req, _res, next) => {
    try {
      decodeURIComponent(req.path);
    } catch {
      return next(new AppError('invalid_input', 'The URL is malformed (a percent-escape does not decode)'));
    }
    next();
  };
}
