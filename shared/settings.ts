import { z } from 'zod';

/** Version of the settings file layout; raise it and add a migration in the store when the layout changes. */
export const SETTINGS_SCHEMA_VERSION = 1;

export const LANGUAGES = ['fr', 'en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Security modes of the device: "Aucune", "SSL/TLS", "StartTLS". */
export const SECURITY_MODES = ['none', 'ssl', 'starttls'] as const;
export type SecurityMode = (typeof SECURITY_MODES)[number];

/** Device types and care programs of the PoolManager / Analyt range. */
export const DEVICE_TYPES = ['cl', 'br', 'o2', 'pro', 'analyt'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export const FLOW_ACKNOWLEDGEMENTS = ['automatic', 'manual'] as const;
export type FlowAcknowledgement = (typeof FLOW_ACKNOWLEDGEMENTS)[number];

export const RECIPIENT_COUNT = 3;

/** Maximum lengths of the text fields, enforced by the keyboard dialog and by the schemas. */
export const MAX_LENGTH = {
  address: 254,
  senderName: 64,
  server: 260,
  userName: 254,
  password: 128,
  deviceName: 32,
  accessCode: 8,
} as const;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain line breaks or control characters');

export const recipientSchema = z.object({
  address: plainText(MAX_LENGTH.address),
  active: z.boolean(),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const recipientsSchema = z.array(recipientSchema).length(RECIPIENT_COUNT);

/** A self-signed certificate that the technician chose to trust for one SMTP host. */
export const trustedCertificateSchema = z.object({
  host: z.string().min(1).max(MAX_LENGTH.server),
  port: z.number().int().min(1).max(65535),
  fingerprint256: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  validTo: z.string().max(64),
});
export type TrustedCertificate = z.infer<typeof trustedCertificateSchema>;

/** SMTP account fields as the renderer shows and edits them, without the password. */
export const smtpAccountSchema = z.object({
  senderAddress: plainText(MAX_LENGTH.address),
  senderName: plainText(MAX_LENGTH.senderName),
  server: plainText(MAX_LENGTH.server),
  security: z.enum(SECURITY_MODES),
  userName: plainText(MAX_LENGTH.userName),
  trustedCertificates: z.array(trustedCertificateSchema).max(16),
});
export type SmtpAccount = z.infer<typeof smtpAccountSchema>;

export const activeEmailsSchema = z.object({
  noFlowSignal: z.boolean(),
  alarms: z.boolean(),
});
export type ActiveEmails = z.infer<typeof activeEmailsSchema>;

export const deviceSettingsSchema = z.object({
  name: plainText(MAX_LENGTH.deviceName).min(1),
  type: z.enum(DEVICE_TYPES),
  serialNumber: z.string().regex(/^[0-9A-F]{12}$/),
  softwareVersion: plainText(64),
  language: z.enum(LANGUAGES),
  flowAcknowledgement: z.enum(FLOW_ACKNOWLEDGEMENTS),
  demoMode: z.boolean(),
});
export type DeviceSettings = z.infer<typeof deviceSettingsSchema>;

/** Encrypted SMTP password as kept in settings.json; `scheme` names how `data` was produced. */
export const storedSecretSchema = z.object({
  scheme: z.enum(['safeStorage', 'aes-256-gcm-keyfile']),
  data: z.string().max(4096),
});
export type StoredSecret = z.infer<typeof storedSecretSchema>;

/** The access code guarding the e-mail configuration, as a scrypt hash; null while the factory code is in effect. */
export const accessSettingsSchema = z.object({
  codeHash: z.string().max(512).nullable(),
});

/** The whole settings file. */
export const settingsFileSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  recipients: recipientsSchema,
  smtp: smtpAccountSchema,
  smtpPassword: storedSecretSchema.nullable(),
  activeEmails: activeEmailsSchema,
  device: deviceSettingsSchema,
  access: accessSettingsSchema,
});
export type SettingsFile = z.infer<typeof settingsFileSchema>;

/** Settings as sent to the renderer: everything but the password, replaced by a flag saying whether one is set. */
export interface SettingsView {
  recipients: Recipient[];
  smtp: SmtpAccount & { passwordSet: boolean };
  activeEmails: ActiveEmails;
  device: DeviceSettings;
}

/** Port of the embedded demo SMTP server when it is free. */
export const DEMO_SMTP_PORT = 2525;

/** Settings of a fresh installation: demo mode, pointed at the embedded SMTP server, so that everything works offline. */
export function defaultSettings(): SettingsFile {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    recipients: [
      { address: 'technicien@example.com', active: true },
      { address: '', active: false },
      { address: '', active: false },
    ],
    smtp: {
      senderAddress: 'pm5-demo@example.com',
      senderName: 'PM5 (démo)',
      server: `127.0.0.1:${DEMO_SMTP_PORT}`,
      security: 'none',
      userName: '',
      trustedCertificates: [],
    },
    smtpPassword: null,
    activeEmails: { noFlowSignal: true, alarms: true },
    device: {
      name: 'PM5-démo',
      type: 'cl',
      serialNumber: 'ADDA01234F12',
      softwareVersion: 'v140325-M1 (5.3.0)',
      language: 'fr',
      flowAcknowledgement: 'automatic',
      demoMode: true,
    },
    access: { codeHash: null },
  };
}

export function toSettingsView(file: SettingsFile): SettingsView {
  return {
    recipients: file.recipients.map((recipient) => ({ ...recipient })),
    smtp: { ...file.smtp, passwordSet: file.smtpPassword !== null },
    activeEmails: { ...file.activeEmails },
    device: { ...file.device },
  };
}
