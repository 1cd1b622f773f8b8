/**
 * The single entry point both transports call: validate the input against the contract, run the
 * handler, and answer with a serialisable envelope. Nothing thrown by a handler crosses as-is.
 */
import type { z } from 'zod';
import { contract, isHandlerName, type HandlerName, type Handlers, type InvokeResult } from '../shared/contract';
import { AppError, toErrorShape } from '../shared/errors';

export type Invoke = (name: string, rawArgs: unknown) => Promise<InvokeResult<unknown>>;

export function validationError(error: z.ZodError): AppError {
  const issues = error.issues.slice(0, 20).map((issue) => {
    const params = (issue as { params?: { code?: unknown } }).params;
    return {
      path: issue.path.map(String).join('.'),
      code: typeof params?.code === 'string' ? params.code : `zod.${issue.code}`,
      message: issue.message,
    };
  });
  return new AppError({
    kind: 'validation',
    code: 'validation',
    message: `Invalid input: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`.slice(0, 500),
    issues,
  });
}

export function createInvoke(handlers: Handlers, onInternalError?: (name: string, err: unknown) => void): Invoke {
  return async (name, rawArgs) => {
    if (!isHandlerName(name)) {
      return { ok: false, error: new AppError({ kind: 'not-found', code: 'unknownHandler', message: 'Unknown handler' }).toShape() };
    }
    const parsed = contract[name].input.safeParse(rawArgs ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error).toShape() };
    try {
      const fn = handlers[name] as (args: unknown) => unknown;
      const value = await fn(parsed.data);
      return { ok: true, value };
    } catch (err) {
      if (!(err instanceof AppError)) onInternalError?.(name, err);
      return { ok: false, error: toErrorShape(err) };
    }
  };
}

export type { HandlerName };
