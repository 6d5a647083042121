import type { z } from 'zod';
import type { RequestName, RequestOutput, REQUESTS } from '../../shared/contract';
import type { AppServices } from '../app-core';

export type ParsedInput<Name extends RequestName> = z.output<(typeof REQUESTS)[Name]['input']>;

/** Serves one request on the main side, after its input passed the contract's schema. */
export type RequestHandler<Name extends RequestName> = (
  input: ParsedInput<Name>,
  services: AppServices,
) => Promise<RequestOutput<Name>> | RequestOutput<Name>;

export type RequestHandlers = { [Name in RequestName]: RequestHandler<Name> };

/** An error the user can act on, sent to the renderer with its message and translation key. */
export class RejectedRequestError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly i18nKey?: string,
    readonly i18nValues?: Record<string, string>,
  ) {
    super(message);
  }
}
