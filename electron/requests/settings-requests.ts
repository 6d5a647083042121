import type { RequestHandlers } from './types';

export const settingsRequests = {
  getSettings: (_input, services) => services.settings.view(),
  updateSettings: (input, services) => services.settings.update(input),
  getNotices: (_input, services) => services.settings.listNotices(),
  dismissNotice: (input, services) => services.settings.dismissNotice(input.id),
} satisfies Partial<RequestHandlers>;
