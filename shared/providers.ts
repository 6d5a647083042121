import { parseEmailAddress } from './address';
import type { SecurityMode, SmtpAccount } from './settings';
import { formatSmtpServer, parseSmtpServer } from './smtp-server-address';

/**
 * SMTP presets of common e-mail providers: the five of the PoolManager manual's table (section 3.8,
 * with its two unencrypted entries for older software), the main French providers, and the
 * providers whose notes matter on site (GMX, Microsoft, t-online, Lycos).
 *
 * Each entry names the public lists it was compared with. Notes are keys of the `providers`
 * namespace (`providers:notes.<key>`).
 */

export type UserNameForm = 'fullAddress' | 'localPart' | 'unknown';

/**
 * - supported: the settings work with PLAIN or LOGIN and a password (an app password where noted).
 * - passwordLoginDisabled: the provider rejects password login for SMTP, so no password helps.
 * - incompatible: the manual lists the provider as incompatible and no settings are offered.
 */
export type PresetSupport = 'supported' | 'passwordLoginDisabled' | 'incompatible';

export type PresetNote =
  | 'appPasswordRequired'
  | 'appPasswordGoogleFormat'
  | 'appPasswordUsuallyRequired'
  | 'externalAccessMustBeEnabled'
  | 'twoFactorAppPassword'
  | 'sendingMustBeEnabled'
  | 'userNameLocalPartAlternative'
  | 'mainAddressNotAlias'
  | 'userNameNotStated'
  | 'port587ImplicitTls'
  | 'separateEmailPassword'
  | 'passwordLoginDisabled'
  | 'tenantSmtpAuthDisabled'
  | 'senderMustMatchMailbox'
  | 'customDomainOnly'
  | 'plainTransmission'
  | 'gmxPopBeforeSmtpObsolete'
  | 'lycosIncompatible';

export const PRESET_NOTES: readonly PresetNote[] = [
  'appPasswordRequired',
  'appPasswordGoogleFormat',
  'appPasswordUsuallyRequired',
  'externalAccessMustBeEnabled',
  'twoFactorAppPassword',
  'sendingMustBeEnabled',
  'userNameLocalPartAlternative',
  'mainAddressNotAlias',
  'userNameNotStated',
  'port587ImplicitTls',
  'separateEmailPassword',
  'passwordLoginDisabled',
  'tenantSmtpAuthDisabled',
  'senderMustMatchMailbox',
  'customDomainOnly',
  'plainTransmission',
  'gmxPopBeforeSmtpObsolete',
  'lycosIncompatible',
];

/** Second setting of a provider, labelled `providers:variants.<variant>`. */
export type PresetVariant = 'startTls' | 'plainLegacy';

export interface PresetSource {
  /** Name of the public list or document. */
  name: string;
  /** Month (YYYY-MM) of the source's copy the entry was compared with, which is the snapshot month for the ISPDB. */
  date: string;
}

const MANUAL: PresetSource = { name: 'BAYROL PoolManager manual, e-mail functions, section 3.8', date: '2026-12' };
const ISPDB: PresetSource = { name: 'Thunderbird ISPDB (github.com/thunderbird/autoconfig)', date: '2026-03' };
const FAIREMAIL: PresetSource = { name: 'FairEmail providers list', date: '2026-12' };
const NODEMAILER: PresetSource = { name: 'nodemailer 10.6 well-known services', date: '2026-12' };

export type PresetId =
  | 'gmail'
  | 'gmailStartTls'
  | 'yahoo'
  | 'yahooStartTls'
  | 'aol'
  | 'aolPlain'
  | 'webDe'
  | 'mailDe'
  | 'mailDePlain'
  | 'orange'
  | 'sfr'
  | 'free'
  | 'laPoste'
  | 'bouygues'
  | 'gmx'
  | 'gmxCom'
  | 'outlook'
  | 'microsoft365'
  | 'tOnline'
  | 'lycos';

interface PresetCommon {
  id: PresetId;
  /** Brand name, the same in every language. */
  label: string;
  variant?: PresetVariant;
  /** Id of the main preset of the same provider, for a variant. */
  variantOf?: PresetId;
  /** Lower-case ASCII domains of the provider's addresses, empty when the preset is only chosen by hand. */
  senderDomains: readonly string[];
  userName: UserNameForm;
  notes: readonly PresetNote[];
  sources: readonly PresetSource[];
}

export interface ServerPreset extends PresetCommon {
  support: 'supported' | 'passwordLoginDisabled';
  host: string;
  port: number;
  security: SecurityMode;
}

export interface IncompatiblePreset extends PresetCommon {
  support: 'incompatible';
  host: null;
  port: null;
  security: null;
}

export type Preset = ServerPreset | IncompatiblePreset;

const GMAIL_DOMAINS = ['gmail.com', 'googlemail.com'];
const YAHOO_DOMAINS = [
  'yahoo.com',
  'yahoo.fr',
  'yahoo.de',
  'yahoo.it',
  'yahoo.es',
  'yahoo.se',
  'yahoo.co.uk',
  'yahoo.co.in',
  'yahoo.co.nz',
  'yahoo.com.au',
  'yahoo.com.ar',
  'yahoo.com.br',
  'yahoo.com.mx',
  'ymail.com',
  'myyahoo.com',
  'rocketmail.com',
];
const AOL_DOMAINS = [
  'aol.com',
  'aol.fr',
  'aol.de',
  'aol.it',
  'aol.es',
  'aol.se',
  'aol.co.uk',
  'aol.co.nz',
  'aol.com.au',
  'aol.com.ar',
  'aol.com.br',
  'aol.com.mx',
  'aim.com',
  'netscape.net',
  'netscape.com',
  'compuserve.com',
  'cs.com',
  'wmconnect.com',
];
const MAIL_DE_DOMAINS = ['mail.de'];
const GMX_NET_DOMAINS = [
  'gmx.net',
  'gmx.de',
  'gmx.at',
  'gmx.ch',
  'gmx.eu',
  'gmx.org',
  'gmx.info',
  'gmx.biz',
  'mein.gmx',
  'mail.gmx',
  'email.gmx',
];
const GMX_COM_DOMAINS = [
  'gmx.com',
  'gmx.fr',
  'gmx.us',
  'gmx.co.uk',
  'gmx.es',
  'gmx.it',
  'gmx.ca',
  'gmx.ie',
  'gmx.pt',
  'gmx.se',
  'gmx.li',
  'gmx.tm',
];
const OUTLOOK_DOMAINS = [
  'outlook.com',
  'outlook.fr',
  'outlook.de',
  'outlook.be',
  'outlook.at',
  'outlook.es',
  'outlook.it',
  'hotmail.com',
  'hotmail.fr',
  'hotmail.de',
  'hotmail.be',
  'hotmail.es',
  'hotmail.it',
  'hotmail.co.uk',
  'live.com',
  'live.fr',
  'live.de',
  'live.be',
  'live.at',
  'live.co.uk',
  'msn.com',
  'windowslive.com',
];

/** Every preset, main settings first and each variant right after its main preset. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'gmail',
    label: 'Gmail',
    senderDomains: GMAIL_DOMAINS,
    support: 'supported',
    host: 'smtp.gmail.com',
    port: 465,
    security: 'ssl',
    userName: 'fullAddress',
    notes: ['appPasswordRequired', 'appPasswordGoogleFormat'],
    sources: [MANUAL, ISPDB, FAIREMAIL, NODEMAILER],
  },
  {
    id: 'gmailStartTls',
    label: 'Gmail',
    variant: 'startTls',
    variantOf: 'gmail',
    senderDomains: GMAIL_DOMAINS,
    support: 'supported',
    host: 'smtp.gmail.com',
    port: 587,
    security: 'starttls',
    userName: 'fullAddress',
    notes: ['appPasswordRequired', 'appPasswordGoogleFormat'],
    sources: [ISPDB],
  },
  {
    id: 'yahoo',
    label: 'Yahoo',
    senderDomains: YAHOO_DOMAINS,
    support: 'supported',
    host: 'smtp.mail.yahoo.com',
    port: 465,
    security: 'ssl',
    userName: 'fullAddress',
    notes: ['appPasswordRequired'],
    sources: [MANUAL, ISPDB, FAIREMAIL, NODEMAILER],
  },
  {
    id: 'yahooStartTls',
    label: 'Yahoo',
    variant: 'startTls',
    variantOf: 'yahoo',
    senderDomains: YAHOO_DOMAINS,
    support: 'supported',
    host: 'smtp.mail.yahoo.com',
    port: 587,
    security: 'starttls',
    userName: 'fullAddress',
    notes: ['appPasswordRequired'],
    sources: [ISPDB],
  },
  {
    id: 'aol',
    label: 'AOL',
    senderDomains: AOL_DOMAINS,
    support: 'supported',
    host: 'smtp.aol.com',
    port: 465,
    security: 'ssl',
    userName: 'fullAddress',
    notes: ['appPasswordUsuallyRequired'],
    // nodemailer lists port 587 for AOL, but the manual, the ISPDB and FairEmail give 465 with SSL/TLS.
    sources: [MANUAL, ISPDB, FAIREMAIL, NODEMAILER],
  },
  {
    id: 'aolPlain',
    label: 'AOL',
    variant: 'plainLegacy',
    variantOf: 'aol',
    senderDomains: AOL_DOMAINS,
    support: 'supported',
    host: 'smtp.aol.com',
    port: 25,
    security: 'none',
    userName: 'fullAddress',
    notes: ['plainTransmission', 'appPasswordUsuallyRequired'],
    sources: [MANUAL],
  },
  {
    id: 'webDe',
    label: 'WEB.DE',
    senderDomains: ['web.de'],
    support: 'supported',
    host: 'smtp.web.de',
    port: 587,
    security: 'starttls',
    // The manual gives the full address; the ISPDB and FairEmail give the part before the '@'.
    userName: 'fullAddress',
    notes: ['externalAccessMustBeEnabled', 'twoFactorAppPassword', 'userNameLocalPartAlternative'],
    sources: [MANUAL, ISPDB, FAIREMAIL],
  },
  {
    id: 'mailDe',
    label: 'mail.de',
    senderDomains: MAIL_DE_DOMAINS,
    support: 'supported',
    host: 'smtp.mail.de',
    port: 587,
    security: 'starttls',
    userName: 'fullAddress',
    notes: [],
    // FairEmail lists port 465 with SSL/TLS, but the manual's tested setting is 587 with StartTLS.
    sources: [MANUAL, FAIREMAIL],
  },
  {
    id: 'mailDePlain',
    label: 'mail.de',
    variant: 'plainLegacy',
    variantOf: 'mailDe',
    senderDomains: MAIL_DE_DOMAINS,
    support: 'supported',
    host: 'smtp.mail.de',
    port: 25,
    security: 'none',
    userName: 'fullAddress',
    notes: ['plainTransmission'],
    sources: [MANUAL],
  },
  {
    id: 'orange',
    label: 'Orange',
    senderDomains: ['orange.fr', 'wanadoo.fr'],
    support: 'supported',
    host: 'smtp.orange.fr',
    port: 465,
    security: 'ssl',
    userName: 'fullAddress',
    notes: [],
    sources: [ISPDB, FAIREMAIL],
  },
  {
    id: 'sfr',
    label: 'SFR',
    senderDomains: ['sfr.fr', 'neuf.fr', 'club-internet.fr', 'cegetel.net', '9online.fr'],
    support: 'supported',
    host: 'smtp.sfr.fr',
    port: 465,
    security: 'ssl',
    userName: 'fullAddress',
    notes: [],
    sources: [ISPDB, FAIREMAIL],
  },
  {
    id: 'free',
    label: 'Free',
    senderDomains: ['free.fr', 'libertysurf.fr'],
    support: 'supported',
    host: 'smtp.free.fr',
    port: 465,
    security: 'ssl',
    userName: 'localPart',
    notes: ['sendingMustBeEnabled'],
    sources: [ISPDB, FAIREMAIL],
  },
  {
    id: 'laPoste',
    label: 'La Poste',
    senderDomains: ['laposte.net'],
    support: 'supported',
    host: 'smtp.laposte.net',
    port: 465,
    security: 'ssl',
    // NOTE: FairEmail requires the main address as login, while an older ISPDB entry (plain port 25)
    // gives the part before the '@'.
    userName: 'fullAddress',
    notes: ['mainAddressNotAlias', 'userNameLocalPartAlternative'],
    sources: [FAIREMAIL, ISPDB],
  },
  {
    id: 'bouygues',
    label: 'Bouygues Telecom',
    senderDomains: ['bbox.fr'],
    support: 'supported',
    host: 'smtp.bbox.fr',
    port: 465,
    security: 'ssl',
    userName: 'unknown',
    notes: ['userNameNotStated', 'port587ImplicitTls'],
    sources: [FAIREMAIL],
  },
  {
    id: 'gmx',
    label: 'GMX (gmx.net, gmx.de)',
    senderDomains: GMX_NET_DOMAINS,
    support: 'supported',
    host: 'mail.gmx.net',
    port: 465,
    security: 'ssl',
    userName: 'fullAddress',
    notes: ['gmxPopBeforeSmtpObsolete', 'externalAccessMustBeEnabled', 'twoFactorAppPassword'],
    sources: [MANUAL, ISPDB, FAIREMAIL, NODEMAILER],
  },
  {
    id: 'gmxCom',
    label: 'GMX (gmx.com, gmx.fr)',
    senderDomains: GMX_COM_DOMAINS,
    support: 'supported',
    host: 'mail.gmx.com',
    port: 465,
    security: 'ssl',
    userName: 'fullAddress',
    notes: ['gmxPopBeforeSmtpObsolete', 'externalAccessMustBeEnabled', 'twoFactorAppPassword'],
    sources: [MANUAL, ISPDB, FAIREMAIL, NODEMAILER],
  },
  {
    id: 'outlook',
    label: 'Outlook.com / Hotmail',
    senderDomains: OUTLOOK_DOMAINS,
    support: 'passwordLoginDisabled',
    host: 'smtp-mail.outlook.com',
    port: 587,
    security: 'starttls',
    userName: 'fullAddress',
    notes: ['passwordLoginDisabled'],
    // The ISPDB lists only OAuth2 login for these domains, which the device does not offer.
    sources: [ISPDB, NODEMAILER, FAIREMAIL],
  },
  {
    id: 'microsoft365',
    label: 'Microsoft 365',
    senderDomains: [],
    support: 'supported',
    host: 'smtp.office365.com',
    port: 587,
    security: 'starttls',
    userName: 'fullAddress',
    notes: ['customDomainOnly', 'tenantSmtpAuthDisabled', 'senderMustMatchMailbox'],
    sources: [ISPDB, NODEMAILER, FAIREMAIL],
  },
  {
    id: 'tOnline',
    label: 't-online',
    senderDomains: ['t-online.de', 'magenta.de'],
    support: 'supported',
    host: 'securesmtp.t-online.de',
    port: 465,
    security: 'ssl',
    userName: 'fullAddress',
    notes: ['separateEmailPassword'],
    sources: [ISPDB, FAIREMAIL],
  },
  {
    id: 'lycos',
    label: 'Lycos',
    senderDomains: ['lycos.com'],
    support: 'incompatible',
    host: null,
    port: null,
    security: null,
    userName: 'unknown',
    notes: ['lycosIncompatible'],
    sources: [MANUAL],
  },
];

/** Returns the preset with this id, or undefined. */
export function findPresetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/** Returns the main preset of the sender address's provider, matched on the domain case-insensitively. */
export function findPresetForAddress(address: string): Preset | undefined {
  const domain = domainOf(address);
  if (domain === undefined) return undefined;
  return PRESETS.find((preset) => preset.variantOf === undefined && preset.senderDomains.includes(domain));
}

/** Returns every preset of the sender address's provider, the main preset first. */
export function presetsForAddress(address: string): Preset[] {
  const domain = domainOf(address);
  if (domain === undefined) return [];
  const matching = PRESETS.filter((preset) => preset.senderDomains.includes(domain));
  return [...matching.filter((preset) => preset.variantOf === undefined), ...matching.filter((preset) => preset.variantOf !== undefined)];
}

/**
 * Builds the SMTP user name the preset expects for this sender address, or returns undefined when
 * the provider does not state it or the address is invalid.
 */
export function presetUserName(preset: Preset, senderAddress: string): string | undefined {
  const parsed = parseEmailAddress(senderAddress);
  if (!parsed.ok) return undefined;
  if (preset.userName === 'fullAddress') return parsed.address;
  if (preset.userName === 'localPart') return parsed.address.slice(0, parsed.address.lastIndexOf('@'));
  return undefined;
}

/** Returns the preset's server in the field's `host:port` form. */
export function presetServerString(preset: ServerPreset): string {
  return formatSmtpServer(preset.host, preset.port);
}

export type PresetField = 'server' | 'security' | 'userName';

export interface PresetChange {
  field: PresetField;
  from: string;
  to: string;
}

export type PresetAccountFields = Pick<SmtpAccount, PresetField>;

/**
 * Lists the account fields the preset would change, with old and new values, so that the UI asks
 * before overwriting. A server written differently but naming the same host and port is no change,
 * and the user name is left alone when the preset cannot build it. An incompatible preset changes nothing.
 */
export function presetChanges(preset: Preset, currentAccount: PresetAccountFields, senderAddress: string): PresetChange[] {
  if (preset.support === 'incompatible') return [];
  const changes: PresetChange[] = [];

  const current = parseSmtpServer(currentAccount.server);
  const sameServer = current.ok && current.host === preset.host && current.port === preset.port;
  if (!sameServer) changes.push({ field: 'server', from: currentAccount.server, to: presetServerString(preset) });

  if (currentAccount.security !== preset.security) {
    changes.push({ field: 'security', from: currentAccount.security, to: preset.security });
  }

  const userName = presetUserName(preset, senderAddress);
  if (userName !== undefined && userName !== currentAccount.userName) {
    changes.push({ field: 'userName', from: currentAccount.userName, to: userName });
  }

  return changes;
}

/** Returns a copy of the account with the confirmed changes applied. */
export function applyPresetChanges<Account extends PresetAccountFields>(account: Account, changes: readonly PresetChange[]): Account {
  const updated = { ...account };
  for (const change of changes) {
    if (change.field === 'security') updated.security = change.to as SecurityMode;
    else updated[change.field] = change.to;
  }
  return updated;
}

function domainOf(address: string): string | undefined {
  const parsed = parseEmailAddress(address);
  if (parsed.ok) return parsed.asciiAddress.slice(parsed.asciiAddress.lastIndexOf('@') + 1);

  // While the address is still being typed or is invalid, the text after the last '@' is used as is.
  const at = address.lastIndexOf('@');
  if (at < 0) return undefined;
  const domain = address.slice(at + 1).trim().toLowerCase();
  return domain === '' ? undefined : domain;
}
