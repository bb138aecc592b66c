import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, formatMessage, type ErrorCode, type FieldIssue } from './errors.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: FieldIssue[]; details?: Record<string, unknown> };
}

function send(reply: FastifyReply, req: FastifyRequest, err: AppError) {
  const body: ErrorBody = {
    error: { code: err.code, message: formatMessage(err.code, req.locale ?? 'zh-CN', err.details) },
  };
  if (err.issues?.length) body.error.issues = err.issues;
  if (Object.keys(err.details).length) body.error.details = err.details;
  return reply.status(err.status).send(body);
}

export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return send(reply, req, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const issues = error.validation.map((v) => ({
      field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      reason: v.message ?? 'invalid',
    }));
    return send(reply, req, new AppError('validation_failed', {}, issues));
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, req, new AppError('payload_too_large'));
  if (error.statusCode === 429) return send(reply, req, new AppError('rate_limited'));
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      (error.statusCode === 400 && !isResponseSerializationError(error))) {
    return send(reply, req, new AppError('bad_request', { reason: error.message }));
  }
  // A unique index the command did not foresee: still a clean 409, never a 500.
  const pgCode = (error as unknown as { code?: string; cause?: { code?: string } }).cause?.code ?? error.code;
  if (pgCode === '23505') return send(reply, req, new AppError('conflict'));
  req.log.error(error);
  return send(reply, req, new AppError('internal'));
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return send(reply, req, new AppError('route_not_found'));
}
