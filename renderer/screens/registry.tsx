import type { ComponentType } from 'react';
import type { ScreenId } from '../../shared/menu';
import { ActiveEmailsScreen } from './ActiveEmailsScreen';
import { DemoInboxScreen } from './DemoInboxScreen';
import { DeviceSettingsScreen } from './DeviceSettingsScreen';
import { RecipientsScreen } from './RecipientsScreen';
import { SmtpAccountScreen } from './SmtpAccountScreen';

/** The component of each screen of the menu tree. */
export const SCREENS: Partial<Record<ScreenId, ComponentType>> = {
  recipients: RecipientsScreen,
  smtpAccount: SmtpAccountScreen,
  activeEmails: ActiveEmailsScreen,
  deviceSettings: DeviceSettingsScreen,
  demoInbox: DemoInboxScreen,
};
