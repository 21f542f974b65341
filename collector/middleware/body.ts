/**
 * Request bodies: JSON sent as application/json or as text/plain (what navigator.sendBeacon and
 * requests without a CORS preflight carry). The body must be valid UTF-8 and valid JSON; anything
 * else is a 400 with a code, over 16 KB a 413 (Fastify's bodyLimit), other types a 415.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../../shared/protocol/constants';
import { HttpError } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function installBodyParsing(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (_request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      return done(new HttpError(400, 'invalid_encoding'), undefined);
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new HttpError(400, 'invalid_json'), undefined);
    }
  });
}
