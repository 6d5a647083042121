import type { RequestHandlers } from './types';

export const accessRequests = {
  verifyAccessCode: (input, services) => services.access.verify(input.code),
  changeAccessCode: async (input, services) => {
    await services.access.change(input.currentCode, input.newCode);
    return { changed: true as const };
  },
} satisfies Partial<RequestHandlers>;
