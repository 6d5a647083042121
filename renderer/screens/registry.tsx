import type { ComponentType } from 'react';
import type { ScreenId } from '../../shared/menu';
import { ActiveEmailsScreen } from './ActiveEmailsScreen';
import { AlarmOverviewScreen } from './AlarmOverviewScreen';
import { DemoControlsScreen } from './DemoControlsScreen';
import { DemoInboxScreen } from './DemoInboxScreen';
import { DeviceSettingsScreen } from './DeviceSettingsScreen';
import { EmailJournalScreen } from './EmailJournalScreen';
import { RecipientsScreen } from './RecipientsScreen';
import { SmtpAccountScreen } from './SmtpAccountScreen';
import { TestEmailScreen } from './TestEmailScreen';

/** The component of each screen of the menu tree. */
export const SCREENS: Partial<Record<ScreenId, ComponentType>> = {
  recipients: RecipientsScreen,
  smtpAccount: SmtpAccountScreen,
  activeEmails: ActiveEmailsScreen,
  testEmail: TestEmailScreen,
  deviceSettings: DeviceSettingsScreen,
  alarmOverview: AlarmOverviewScreen,
  emailJournal: EmailJournalScreen,
  demoControls: DemoControlsScreen,
  demoInbox: DemoInboxScreen,
};
