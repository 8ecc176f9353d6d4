import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  // Never log request bodies or cookies: they carry passwords, session tokens and PHI.
  return pino({ level, redact: ['req.headers.cookie', 'password', '*.password', 'patient'] });
}
