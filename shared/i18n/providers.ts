import type { Namespace } from './catalog';

/** Texts of the SMTP provider presets: notes, variants, support status, user name forms, overwrite confirmation. */
export const providers = {
  fr: {
    notes: {
      appPasswordRequired:
        "Activez d'abord la validation en deux étapes dans le compte et créez un mot de passe d'application. Saisissez-le comme « Mot de passe SMTP » : le mot de passe habituel du compte est refusé.",
      appPasswordGoogleFormat:
        "Google affiche le mot de passe d'application en 4 groupes de 4 lettres. Saisissez les 16 lettres à la suite, sans espaces.",
      appPasswordUsuallyRequired:
        "Le plus souvent, un mot de passe d'application est exigé. Créez-le dans les paramètres de sécurité du compte et saisissez-le comme « Mot de passe SMTP ».",
      externalAccessMustBeEnabled:
        "Activez d'abord l'accès POP3/IMAP dans les paramètres e-mail du compte. Sans cela, le serveur refuse l'envoi depuis un appareil externe.",
      twoFactorAppPassword:
        "Si la connexion en deux étapes est activée, créez un mot de passe d'application et saisissez-le comme « Mot de passe SMTP ».",
      sendingMustBeEnabled:
        "L'envoi depuis un logiciel de messagerie est désactivé par défaut. Activez-le d'abord dans votre compte chez le fournisseur.",
      userNameLocalPartAlternative:
        "Si l'adresse e-mail complète est refusée comme nom d'utilisateur, essayez la partie avant le « @ ».",
      mainAddressNotAlias:
        "Utilisez l'adresse principale du compte : une adresse alias n'est plus acceptée pour la connexion.",
      userNameNotStated:
        "Le fournisseur ne précise pas la forme du nom d'utilisateur. Essayez l'adresse e-mail complète, puis la partie avant le « @ ».",
      port587ImplicitTls: 'Chez ce fournisseur, le port 587 utilise lui aussi SSL/TLS, et non StartTLS.',
      separateEmailPassword:
        "Créez d'abord un mot de passe e-mail distinct dans l'espace client. Le mot de passe de connexion au site et au webmail ne fonctionne pas pour l'envoi.",
      passwordLoginDisabled:
        "Microsoft a désactivé la connexion par mot de passe pour l'envoi SMTP (réponse « 535 5.7.139 Authentication unsuccessful, basic authentication is disabled »). Un mot de passe d'application n'y change rien : choisissez un autre fournisseur pour PoolManager.",
      tenantSmtpAuthDisabled:
        "L'authentification SMTP est souvent désactivée pour toute l'organisation (réponse « SmtpClientAuthentication is disabled for the Tenant »). L'administrateur Microsoft 365 doit l'activer pour cette boîte aux lettres.",
      senderMustMatchMailbox:
        "L'adresse de l'expéditeur doit être celle de la boîte aux lettres du nom d'utilisateur. Sinon, l'envoi est refusé (« SendAsDenied »).",
      customDomainOnly:
        "Pour une adresse du domaine propre d'une organisation hébergée chez Microsoft 365. Ce réglage n'est pas proposé d'après l'adresse : choisissez-le vous-même.",
      plainTransmission:
        "Transmission en clair : le mot de passe et les e-mails circulent sans chiffrement. Le manuel indique ce réglage pour les versions du logiciel antérieures à v140325-M1 (5.3.0). Depuis 2014, de nombreux fournisseurs exigent le chiffrement : préférez le réglage chiffré.",
      gmxPopBeforeSmtpObsolete:
        "Le manuel de l'appareil classe GMX comme incompatible (« POP avant SMTP »). Ce n'est plus le cas : aujourd'hui, activez l'accès POP3/IMAP dans le compte GMX et, si la connexion en deux étapes est activée, utilisez un mot de passe d'application.",
      lycosIncompatible:
        "Le manuel de l'appareil classe Lycos comme incompatible (méthode d'authentification spéciale). Aucun réglage n'est proposé : choisissez un autre fournisseur.",
    },
    variants: {
      startTls: 'StartTLS, port 587',
      plainLegacy: 'sans chiffrement, anciennes versions du logiciel',
    },
    support: {
      supported: 'Compatible',
      passwordLoginDisabled: 'Connexion par mot de passe désactivée par le fournisseur',
      incompatible: 'Incompatible',
    },
    /** Completes "Nom d'utilisateur SMTP : …" (presets.userNameForm of the ui namespace), so each starts in lower case. */
    userNameForms: {
      fullAddress: 'adresse e-mail complète',
      localPart: 'partie avant le « @ »',
      unknown: 'non précisé par le fournisseur',
    },
    proposal: "L'adresse de l'expéditeur correspond à {{provider}}. Utiliser ses réglages ?",
    changes: {
      confirm: 'Appliquer les réglages {{provider}} ? Les valeurs suivantes seront remplacées :',
      line: '{{field}} : « {{from}} » → « {{to}} »',
      emptyValue: '(vide)',
      none: 'Les réglages {{provider}} sont déjà en place.',
    },
  },
  en: {
    notes: {
      appPasswordRequired:
        'First turn on 2-step verification in the account and create an app password. Enter it as the “SMTP password”: the normal account password is rejected.',
      appPasswordGoogleFormat:
        'Google shows the app password as 4 groups of 4 letters. Enter the 16 letters in a row, without spaces.',
      appPasswordUsuallyRequired:
        'An app password is usually required. Create it in the account’s security settings and enter it as the “SMTP password”.',
      externalAccessMustBeEnabled:
        'First turn on POP3/IMAP access in the account’s e-mail settings. Without it, the server rejects sending from an external device.',
      twoFactorAppPassword:
        'If 2-factor login is on, create an app password and enter it as the “SMTP password”.',
      sendingMustBeEnabled:
        'Sending from an e-mail program is off by default. First turn it on in your account with the provider.',
      userNameLocalPartAlternative:
        'If the full e-mail address is rejected as user name, try the part before the “@”.',
      mainAddressNotAlias: 'Use the account’s main address: an alias address is no longer accepted for login.',
      userNameNotStated:
        'The provider does not state the form of the user name. Try the full e-mail address, then the part before the “@”.',
      port587ImplicitTls: 'With this provider, port 587 also uses SSL/TLS, not StartTLS.',
      separateEmailPassword:
        'First create a separate e-mail password in the customer centre. The password for the website and webmail does not work for sending.',
      passwordLoginDisabled:
        'Microsoft has turned off password login for SMTP sending (reply “535 5.7.139 Authentication unsuccessful, basic authentication is disabled”). An app password does not help: choose another provider for PoolManager.',
      tenantSmtpAuthDisabled:
        'SMTP authentication is often turned off for the whole organisation (reply “SmtpClientAuthentication is disabled for the Tenant”). The Microsoft 365 administrator must turn it on for this mailbox.',
      senderMustMatchMailbox:
        'The sender address must be the mailbox of the user name. Otherwise sending is rejected (“SendAsDenied”).',
      customDomainOnly:
        'For an address in an organisation’s own domain hosted by Microsoft 365. This setting is not proposed from the address: choose it yourself.',
      plainTransmission:
        'Unencrypted transmission: the password and the e-mails travel without encryption. The manual gives this setting for software versions before v140325-M1 (5.3.0). Since 2014 many providers require encryption: prefer the encrypted setting.',
      gmxPopBeforeSmtpObsolete:
        'The device manual lists GMX as incompatible (“POP before SMTP”). This no longer applies: today, turn on POP3/IMAP access in the GMX account and, if 2-factor login is on, use an app password.',
      lycosIncompatible:
        'The device manual lists Lycos as incompatible (special authentication method). No settings are offered: choose another provider.',
    },
    variants: {
      startTls: 'StartTLS, port 587',
      plainLegacy: 'unencrypted, older software versions',
    },
    support: {
      supported: 'Compatible',
      passwordLoginDisabled: 'Password login turned off by the provider',
      incompatible: 'Incompatible',
    },
    userNameForms: {
      fullAddress: 'full e-mail address',
      localPart: 'part before the “@”',
      unknown: 'not stated by the provider',
    },
    proposal: 'The sender address belongs to {{provider}}. Use its settings?',
    changes: {
      confirm: 'Apply the {{provider}} settings? The following values will be replaced:',
      line: '{{field}}: “{{from}}” → “{{to}}”',
      emptyValue: '(empty)',
      none: 'The {{provider}} settings are already in place.',
    },
  },
  de: {
    notes: {
      appPasswordRequired:
        'Aktivieren Sie zuerst die Bestätigung in zwei Schritten im Konto und erstellen Sie ein App-Passwort. Geben Sie es als „SMTP-Passwort“ ein: Das normale Kontopasswort wird abgelehnt.',
      appPasswordGoogleFormat:
        'Google zeigt das App-Passwort in 4 Gruppen zu je 4 Buchstaben an. Geben Sie die 16 Buchstaben ohne Leerzeichen hintereinander ein.',
      appPasswordUsuallyRequired:
        'Meist ist ein App-Passwort erforderlich. Erstellen Sie es in den Sicherheitseinstellungen des Kontos und geben Sie es als „SMTP-Passwort“ ein.',
      externalAccessMustBeEnabled:
        'Aktivieren Sie zuerst den Zugriff über POP3/IMAP in den E-Mail-Einstellungen des Kontos. Sonst lehnt der Server das Senden von einem externen Gerät ab.',
      twoFactorAppPassword:
        'Ist die Zwei-Faktor-Anmeldung aktiv, erstellen Sie ein App-Passwort und geben Sie es als „SMTP-Passwort“ ein.',
      sendingMustBeEnabled:
        'Das Senden aus einem E-Mail-Programm ist standardmäßig ausgeschaltet. Schalten Sie es zuerst in Ihrem Konto beim Anbieter ein.',
      userNameLocalPartAlternative:
        'Wird die vollständige E-Mail-Adresse als Benutzername abgelehnt, versuchen Sie den Teil vor dem „@“.',
      mainAddressNotAlias:
        'Verwenden Sie die Hauptadresse des Kontos: Eine Alias-Adresse wird für die Anmeldung nicht mehr angenommen.',
      userNameNotStated:
        'Der Anbieter nennt die Form des Benutzernamens nicht. Versuchen Sie die vollständige E-Mail-Adresse, dann den Teil vor dem „@“.',
      port587ImplicitTls: 'Bei diesem Anbieter verwendet auch Port 587 SSL/TLS, nicht StartTLS.',
      separateEmailPassword:
        'Richten Sie zuerst im Kundencenter ein eigenes E-Mail-Passwort ein. Das Passwort für Website und Webmail funktioniert für das Senden nicht.',
      passwordLoginDisabled:
        'Microsoft hat die Anmeldung mit Passwort für das Senden über SMTP abgeschaltet (Antwort „535 5.7.139 Authentication unsuccessful, basic authentication is disabled“). Ein App-Passwort hilft nicht: Wählen Sie für PoolManager einen anderen Anbieter.',
      tenantSmtpAuthDisabled:
        'Die SMTP-Authentifizierung ist oft für die ganze Organisation abgeschaltet (Antwort „SmtpClientAuthentication is disabled for the Tenant“). Der Microsoft-365-Administrator muss sie für dieses Postfach einschalten.',
      senderMustMatchMailbox:
        'Die Absenderadresse muss das Postfach des Benutzernamens sein. Sonst wird das Senden abgelehnt („SendAsDenied“).',
      customDomainOnly:
        'Für eine Adresse in der eigenen Domain einer Organisation, die bei Microsoft 365 liegt. Diese Einstellung wird nicht anhand der Adresse vorgeschlagen: Wählen Sie sie selbst.',
      plainTransmission:
        'Unverschlüsselte Übertragung: Passwort und E-Mails werden ohne Verschlüsselung übertragen. Das Handbuch nennt diese Einstellung für Softwareversionen vor v140325-M1 (5.3.0). Seit 2014 verlangen viele Anbieter Verschlüsselung: Bevorzugen Sie die verschlüsselte Einstellung.',
      gmxPopBeforeSmtpObsolete:
        'Das Gerätehandbuch führt GMX als inkompatibel („POP vor SMTP“). Das gilt nicht mehr: Aktivieren Sie heute den Zugriff über POP3/IMAP im GMX-Konto und verwenden Sie bei aktiver Zwei-Faktor-Anmeldung ein App-Passwort.',
      lycosIncompatible:
        'Das Gerätehandbuch führt Lycos als inkompatibel (besonderes Authentifizierungsverfahren). Es werden keine Einstellungen angeboten: Wählen Sie einen anderen Anbieter.',
    },
    variants: {
      startTls: 'StartTLS, Port 587',
      plainLegacy: 'unverschlüsselt, ältere Softwareversionen',
    },
    support: {
      supported: 'Kompatibel',
      passwordLoginDisabled: 'Anmeldung mit Passwort vom Anbieter abgeschaltet',
      incompatible: 'Inkompatibel',
    },
    userNameForms: {
      fullAddress: 'vollständige E-Mail-Adresse',
      localPart: 'Teil vor dem „@“',
      unknown: 'vom Anbieter nicht angegeben',
    },
    proposal: 'Die Absenderadresse gehört zu {{provider}}. Dessen Einstellungen verwenden?',
    changes: {
      confirm: 'Die Einstellungen von {{provider}} übernehmen? Folgende Werte werden ersetzt:',
      line: '{{field}}: „{{from}}“ → „{{to}}“',
      emptyValue: '(leer)',
      none: 'Die Einstellungen von {{provider}} sind bereits eingetragen.',
    },
  },
} satisfies Namespace;
