import { RejectedRequestError, type RequestHandlers } from './types';

export const demoRequests = {
  listDemoInbox: (_input, services) => services.demo.inbox.list(),

  getDemoMessage: (input, services) => {
    const message = services.demo.inbox.get(input.id);
    if (message === undefined) {
      throw new RejectedRequestError(
        `Demo inbox message "${input.id}" not found: it was deleted or the inbox was emptied. Reload the list.`,
        'id',
        'demo:message.notFound',
      );
    }
    return message;
  },

  clearDemoInbox: async (_input, services) => {
    await services.demo.inbox.clear();
    return services.demo.inbox.list();
  },

  getDemoServerStatus: (_input, services) => services.demo.status(),
} satisfies Partial<RequestHandlers>;
