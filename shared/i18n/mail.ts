import type { Namespace } from './catalog';

/**
 * Test e-mail, SMTP steps, progress, results and diagnoses. Diagnosis keys are the ids of
 * `DIAGNOSES` in shared/mail-result.ts; each has a title (what happened) and advice (what to do).
 * The device codes themselves ("SMTP_from fail" …) are never translated.
 */
export const mail = {
  fr: {
    testEmail: {
      designation: 'E-mail test',
      subjectDesignation: 'E-mail test {{checkCode}}',
      purpose: 'Cet e-mail test a été envoyé par {{deviceName}} ({{senderName}}) pour vérifier la configuration e-mail.',
      checkCode: 'Code de contrôle : {{checkCode}}',
      checkCodeHint: "Le même code s'affiche sur l'appareil après l'envoi. S'il correspond, les e-mails de l'appareil arrivent à cette adresse.",
    },
    step: {
      dns: 'Recherche du serveur SMTP (DNS)',
      connect: 'Connexion au serveur',
      tls: 'Chiffrement SSL/TLS',
      greeting: 'Accueil du serveur',
      ehlo: 'Présentation (EHLO)',
      starttls: 'Chiffrement StartTLS',
      auth: 'Authentification',
      sender: "Adresse de l'expéditeur",
      recipient: 'Destinataire',
      data: "Transfert de l'e-mail",
    },
    progress: {
      title: "Envoi de l'e-mail test",
      step: '{{step}} …',
      recipient: '{{step}} : {{address}} …',
      cancel: 'Annuler',
    },
    result: {
      sent: "L'e-mail test a été envoyé",
      notProof:
        "Ceci ne garantit cependant pas que l'e-mail test a bien été reçu par les destinataires d'e-mail activés.",
      notReceived:
        "Si un destinataire ne reçoit rien : vérifiez l'adresse (faute de frappe ?), regardez dans les courriers indésirables et vérifiez un peu plus tard si l'e-mail est arrivé.",
      accepted: 'Accepté par le serveur pour : {{address}}',
      rejected: 'Refusé pour : {{address}}',
      othersStillSent: "Les autres destinataires recevront l'e-mail test.",
      checkCode: 'Code de contrôle : {{checkCode}}',
      checkCodeHint: "Ce code figure dans l'e-mail test reçu.",
      failed: "Erreur lors du transfert de l'e-mail test",
      failedStep: 'Étape en échec : {{step}}',
      serverReply: 'Réponse du serveur : {{reply}}',
      noServerReply: 'Aucune réponse du serveur',
      detail: 'Détail technique (en anglais) : {{detail}}',
      timeout: {
        dns: 'Délai dépassé : pas de réponse DNS en {{duration}}.',
        connect: 'Délai dépassé : pas de connexion en {{duration}}.',
        tls: 'Délai dépassé : chiffrement TLS non établi en {{duration}}.',
        greeting: "Délai dépassé : pas de message d'accueil en {{duration}}.",
        reply: 'Délai dépassé : pas de réponse du serveur en {{duration}}.',
        attempt: "Délai dépassé : l'envoi a duré plus de {{duration}}.",
      },
      whatToDo: 'Que faire :',
      cancelled: "Envoi de l'e-mail test annulé",
      duration: 'Durée : {{duration}}',
    },
    fix: {
      setSecurity: 'Régler la sécurité sur « {{security}} »',
      setSecurityAndPort: 'Régler la sécurité sur « {{security}} » et le port sur {{port}}',
      setPort: 'Utiliser le port {{port}}',
      trustCertificate: 'Faire confiance à ce certificat pour {{host}}:{{port}}',
    },
    security: {
      none: 'Aucune',
      ssl: 'SSL/TLS',
      starttls: 'StartTLS',
    },
    certificate: {
      title: 'Certificat présenté par le serveur',
      subject: 'Sujet : {{value}}',
      issuer: 'Émetteur : {{value}}',
      validFrom: 'Valable à partir du : {{value}}',
      validTo: "Valable jusqu'au : {{value}}",
      fingerprint: 'Empreinte SHA-256 : {{value}}',
      selfSigned: 'Certificat auto-signé',
      trustWarning:
        "Ne faites confiance à ce certificat que si vous savez qu'il appartient à ce serveur, par exemple en comparant l'empreinte avec celle donnée par l'administrateur du serveur.",
    },
    screen: {
      intro: "L'e-mail test est envoyé avec les réglages enregistrés aux destinataires actifs.",
      server: 'Serveur SMTP',
      security: 'Sécurité',
      sender: 'Expéditeur',
      senderValue: '{{name}} <{{address}}>',
      userName: "Nom d'utilisateur SMTP",
      noUserName: 'aucun (envoi sans authentification)',
      recipients: 'Destinataires actifs',
      notSet: '(non renseigné)',
      send: 'Envoyer',
      sendAgain: 'Envoyer à nouveau',
      starting: 'Démarrage…',
      cancelling: 'Annulation…',
      elapsed_one: '{{count}} s écoulée (au maximum {{limit}} s)',
      elapsed_other: '{{count}} s écoulées (au maximum {{limit}} s)',
      progressLabel: 'Temps écoulé',
      lastAttempt: 'Dernier essai : {{time}}',
      recipientsTitle: 'Réponse du serveur par destinataire',
      serverReply: 'Réponse du serveur :',
      refusedRecipients: 'Destinataires refusés :',
      cancelledStep: "Étape en cours lors de l'annulation : {{step}}",
      applyingFix: 'Modification du réglage…',
      fixApplied: "Réglage enregistré. Envoyez l'e-mail test à nouveau pour le vérifier.",
      fixFailed: "Le réglage n'a pas été modifié : {{message}}",
      startFailed: "L'e-mail test n'a pas été envoyé : {{message}}",
      cancelFailed: "L'envoi n'a pas été annulé : {{message}}",
      loadFailed: "L'état de l'e-mail test n'a pas pu être lu : {{message}}",
    },
    request: {
      noRecipient:
        "Aucune adresse e-mail de destinataire n'est active. Saisissez au moins une adresse de destinataire et réglez-la sur Actif.",
      recipientInvalid:
        "Destinataire e-mail {{index}} : l'adresse {{address}} n'est pas valable. Corrigez-la ou réglez le destinataire sur Inactif.",
      alreadyRunning: "Un e-mail test est déjà en cours d'envoi. Attendez le résultat ou annulez l'envoi.",
      attemptNotFound: "Cet envoi d'e-mail test n'existe plus. Quittez l'écran et ouvrez-le à nouveau.",
      serverInvalid: "L'adresse du serveur SMTP enregistrée n'est pas valable ({{server}}). Corrigez-la dans le compte SMTP.",
      certificateForOtherServer:
        "Ce certificat a été présenté par {{host}}:{{port}}, mais le serveur SMTP est maintenant {{server}}. Envoyez à nouveau l'e-mail test.",
    },
    diagnosis: {
      serverAddressInvalid: {
        title: "L'adresse du serveur SMTP n'est pas valable.",
        advice: 'Saisissez le nom du serveur, éventuellement suivi de deux-points et du port, par ex. smtp.gmail.com:465.',
      },
      senderAddressInvalid: {
        title: "L'adresse e-mail de l'expéditeur manque ou n'est pas valable.",
        advice: "Saisissez l'adresse e-mail du compte d'envoi, par ex. mon_nom@orange.fr.",
      },
      passwordMissing: {
        title: "Un nom d'utilisateur SMTP est saisi, mais aucun mot de passe.",
        advice: "Saisissez le mot de passe SMTP, ou effacez le nom d'utilisateur si le serveur accepte l'envoi sans authentification.",
      },
      noRecipient: {
        title: "Aucune adresse e-mail de destinataire n'est active.",
        advice: "Saisissez au moins une adresse de destinataire et réglez-la sur Actif.",
      },
      hostNotFound: {
        title: 'Le nom du serveur SMTP est introuvable.',
        advice: "Vérifiez l'adresse du serveur SMTP (faute de frappe ?). Si elle est correcte, vérifiez la connexion Internet et le serveur DNS du réseau.",
      },
      dnsFailed: {
        title: "La recherche du nom du serveur SMTP n'a pas abouti.",
        advice: "Vérifiez la connexion Internet et le serveur DNS du réseau, puis réessayez.",
      },
      connectionRefused: {
        title: 'Le serveur a refusé la connexion sur ce port.',
        advice: 'Vérifiez le port après le nom du serveur : en général 465 pour SSL/TLS, 587 pour StartTLS, 25 sans chiffrement.',
      },
      connectionTimedOut: {
        title: "Le serveur n'a pas répondu à la demande de connexion.",
        advice: "Vérifiez l'adresse et le port du serveur, la connexion Internet, et qu'un pare-feu ne bloque pas ce port (le port 25 est souvent bloqué).",
      },
      networkUnreachable: {
        title: "Le serveur n'est pas joignable depuis ce réseau.",
        advice: "Vérifiez le câble réseau, la connexion Internet et la passerelle du réseau local.",
      },
      connectionFailed: {
        title: 'La connexion au serveur a échoué.',
        advice: "Vérifiez la connexion Internet et l'adresse du serveur, puis réessayez.",
      },
      tlsOnPlainPort: {
        title: "Le serveur ne parle pas SSL/TLS sur ce port : il répond en clair.",
        advice: "Sur ce port, choisissez StartTLS (ou Aucune), ou utilisez le port SSL/TLS du fournisseur (en général 465).",
      },
      plainOnTlsPort: {
        title: 'Ce port attend une connexion chiffrée SSL/TLS dès le début.',
        advice: 'Réglez la sécurité sur SSL/TLS pour ce port.',
      },
      tlsHandshakeFailed: {
        title: 'Le chiffrement avec le serveur a échoué.',
        advice: "Vérifiez le réglage de sécurité et le port indiqués par le fournisseur. Un serveur trop ancien (sans TLS 1.2) n'est pas accepté.",
      },
      certificateUntrusted: {
        title: "Le certificat du serveur n'est pas signé par une autorité reconnue.",
        advice: "S'il s'agit d'un serveur de votre réseau avec un certificat auto-signé, vous pouvez faire confiance à ce certificat après avoir vérifié son empreinte. Sinon, vérifiez l'adresse du serveur.",
      },
      certificateHostMismatch: {
        title: "Le certificat du serveur est établi pour un autre nom que l'adresse saisie.",
        advice: "Saisissez le nom du serveur tel qu'il figure dans le certificat (nom indiqué par le fournisseur), ou faites confiance à ce certificat après avoir vérifié son empreinte.",
      },
      certificateExpired: {
        title: "Le certificat du serveur a expiré ou n'est pas encore valable.",
        advice: "Vérifiez la date et l'heure de l'appareil. Si elles sont justes, le serveur doit renouveler son certificat.",
      },
      certificateChanged: {
        title: 'Le serveur présente un autre certificat que celui auquel vous avez fait confiance.',
        advice: "Ne faites confiance au nouveau certificat que si l'administrateur du serveur confirme qu'il a été changé et que l'empreinte correspond.",
      },
      noGreeting: {
        title: "Le serveur n'a pas envoyé de message d'accueil.",
        advice: "Vérifiez le port et le réglage de sécurité. Si le port est bon, le serveur est peut-être surchargé : réessayez plus tard.",
      },
      connectionLost: {
        title: 'Le serveur a coupé la connexion.',
        advice: 'Réessayez plus tard. Si le problème persiste, vérifiez les réglages du compte auprès du fournisseur.',
      },
      responseTimedOut: {
        title: "Le serveur n'a pas répondu à temps.",
        advice: 'Réessayez plus tard ; le serveur ou la connexion Internet est peut-être surchargé.',
      },
      attemptTimedOut: {
        title: "L'envoi a pris trop de temps et a été interrompu.",
        advice: 'Réessayez plus tard ; le serveur ou la connexion Internet est peut-être surchargé.',
      },
      cancelled: {
        title: "L'envoi a été annulé.",
        advice: "Relancez l'envoi de l'e-mail test quand vous êtes prêt.",
      },
      greetingRefused: {
        title: 'Le serveur refuse la connexion de cet appareil.',
        advice: "Le fournisseur bloque peut-être l'adresse Internet de ce réseau. Réessayez plus tard ou choisissez un autre fournisseur de messagerie électronique.",
      },
      ehloRefused: {
        title: "Le serveur a refusé la présentation de l'appareil (EHLO/HELO).",
        advice: "Ce fournisseur de messagerie électronique n'est peut-être pas compatible. Choisissez un autre fournisseur de messagerie électronique compatible.",
      },
      unexpectedReply: {
        title: 'Le serveur a envoyé une réponse inattendue.',
        advice: "Vérifiez que l'adresse et le port sont ceux d'un serveur SMTP (serveur d'envoi), puis réessayez.",
      },
      starttlsNotOffered: {
        title: "Le serveur ne propose pas StartTLS sur ce port.",
        advice: "Utilisez le port et le chiffrement indiqués par le fournisseur, souvent SSL/TLS sur le port 465. Le mot de passe n'a pas été envoyé.",
      },
      starttlsRefused: {
        title: 'Le serveur a refusé de passer au chiffrement StartTLS.',
        advice: "Réessayez plus tard, ou utilisez SSL/TLS sur le port du fournisseur (en général 465). Le mot de passe n'a pas été envoyé.",
      },
      encryptionRequired: {
        title: "Le serveur n'accepte l'authentification que sur une connexion chiffrée.",
        advice: 'Réglez la sécurité sur StartTLS (ou SSL/TLS avec le port correspondant).',
      },
      authNotOffered: {
        title: "Le serveur ne propose pas d'authentification, mais un nom d'utilisateur SMTP est saisi.",
        advice: "Vérifiez le serveur et le port (port d'envoi du fournisseur, pas de réception). Si le serveur accepte l'envoi sans authentification, effacez le nom d'utilisateur.",
      },
      authMethodsUnsupported: {
        title: "Le serveur ne propose ni la méthode d'authentification PLAIN ni LOGIN.",
        advice: "Ce fournisseur n'est pas compatible avec l'appareil. Choisissez un autre fournisseur de messagerie électronique compatible.",
      },
      authFailed: {
        title: "Le serveur a refusé le nom d'utilisateur ou le mot de passe.",
        advice: "Vérifiez le nom d'utilisateur SMTP et le mot de passe SMTP (respecter les majuscules/minuscules !).",
      },
      appPasswordRequired: {
        title: "Le serveur a refusé la connexion : ce fournisseur exige un mot de passe d'application.",
        advice: "Créez un mot de passe d'application dans le compte (validation en deux étapes activée) et saisissez-le comme mot de passe SMTP. Vérifiez aussi le nom d'utilisateur.",
      },
      basicAuthDisabled: {
        title: "Le fournisseur a désactivé la connexion par mot de passe pour l'envoi SMTP.",
        advice: "Un mot de passe d'application ne suffit pas. Activez SMTP AUTH pour ce compte dans l'administration Microsoft 365 ou choisissez un autre fournisseur de messagerie électronique.",
      },
      authRequired: {
        title: "Le serveur exige une authentification avant l'envoi.",
        advice: "Saisissez le nom d'utilisateur SMTP et le mot de passe SMTP du compte.",
      },
      senderRefused: {
        title: "Le serveur a refusé l'adresse de l'expéditeur.",
        advice: "Vérifiez l'adresse e-mail de l'expéditeur : elle doit en général être celle du compte.",
      },
      senderNotAllowedForLogin: {
        title: "Ce compte n'a pas le droit d'envoyer avec cette adresse d'expéditeur.",
        advice: "Saisissez comme adresse de l'expéditeur l'adresse du compte utilisé pour l'authentification.",
      },
      senderNeedsSmtputf8: {
        title: "L'adresse de l'expéditeur contient des caractères spéciaux que ce serveur ne prend pas en charge.",
        advice: "Utilisez une adresse d'expéditeur sans accents ni caractères spéciaux avant le @.",
      },
      recipientRefused: {
        title: 'Le serveur a refusé une adresse de destinataire.',
        advice: "Vérifiez l'adresse du destinataire (faute de frappe ?).",
      },
      recipientNeedsSmtputf8: {
        title: 'Cette adresse de destinataire contient des caractères spéciaux que ce serveur ne prend pas en charge.',
        advice: 'Utilisez une adresse sans accents ni caractères spéciaux avant le @.',
      },
      messageRefused: {
        title: "Le serveur a refusé le contenu de l'e-mail.",
        advice: 'Lisez la réponse du serveur. Réessayez plus tard ; si le refus persiste, contactez le fournisseur.',
      },
    },
  },
  en: {
    testEmail: {
      designation: 'Test e-mail',
      subjectDesignation: 'Test e-mail {{checkCode}}',
      purpose: 'This test e-mail was sent by {{deviceName}} ({{senderName}}) to check the e-mail configuration.',
      checkCode: 'Check code: {{checkCode}}',
      checkCodeHint: 'The device shows the same code after sending. If it matches, the e-mails of the device reach this address.',
    },
    step: {
      dns: 'Looking up the SMTP server (DNS)',
      connect: 'Connecting to the server',
      tls: 'SSL/TLS encryption',
      greeting: 'Server greeting',
      ehlo: 'Introduction (EHLO)',
      starttls: 'StartTLS encryption',
      auth: 'Authentication',
      sender: 'Sender address',
      recipient: 'Recipient',
      data: 'Transferring the e-mail',
    },
    progress: {
      title: 'Sending the test e-mail',
      step: '{{step}} …',
      recipient: '{{step}}: {{address}} …',
      cancel: 'Cancel',
    },
    result: {
      sent: 'The test e-mail has been sent',
      notProof: 'This does not guarantee that the test e-mail has been received by the active e-mail recipients.',
      notReceived:
        'If a recipient receives nothing: check the address (typo?), look in the spam folder and check again a little later.',
      accepted: 'Accepted by the server for: {{address}}',
      rejected: 'Refused for: {{address}}',
      othersStillSent: 'The other recipients will receive the test e-mail.',
      checkCode: 'Check code: {{checkCode}}',
      checkCodeHint: 'This code is in the test e-mail received.',
      failed: 'Error while transferring the test e-mail',
      failedStep: 'Failed step: {{step}}',
      serverReply: 'Server reply: {{reply}}',
      noServerReply: 'No reply from the server',
      detail: 'Technical detail: {{detail}}',
      timeout: {
        dns: 'Time limit: no DNS answer within {{duration}}.',
        connect: 'Time limit: no connection within {{duration}}.',
        tls: 'Time limit: no TLS handshake within {{duration}}.',
        greeting: 'Time limit: no greeting within {{duration}}.',
        reply: 'Time limit: no server reply within {{duration}}.',
        attempt: 'Time limit: sending took longer than {{duration}}.',
      },
      whatToDo: 'What to do:',
      cancelled: 'Test e-mail cancelled',
      duration: 'Duration: {{duration}}',
    },
    fix: {
      setSecurity: 'Set security to "{{security}}"',
      setSecurityAndPort: 'Set security to "{{security}}" and the port to {{port}}',
      setPort: 'Use port {{port}}',
      trustCertificate: 'Trust this certificate for {{host}}:{{port}}',
    },
    security: {
      none: 'None',
      ssl: 'SSL/TLS',
      starttls: 'StartTLS',
    },
    certificate: {
      title: 'Certificate presented by the server',
      subject: 'Subject: {{value}}',
      issuer: 'Issuer: {{value}}',
      validFrom: 'Valid from: {{value}}',
      validTo: 'Valid until: {{value}}',
      fingerprint: 'SHA-256 fingerprint: {{value}}',
      selfSigned: 'Self-signed certificate',
      trustWarning:
        'Trust this certificate only if you know that it belongs to this server, for example by comparing the fingerprint with the one given by the server administrator.',
    },
    screen: {
      intro: 'The test e-mail is sent with the saved settings to the active recipients.',
      server: 'SMTP server',
      security: 'Security',
      sender: 'Sender',
      senderValue: '{{name}} <{{address}}>',
      userName: 'SMTP user name',
      noUserName: 'none (sending without authentication)',
      recipients: 'Active recipients',
      notSet: '(not set)',
      send: 'Send',
      sendAgain: 'Send again',
      starting: 'Starting…',
      cancelling: 'Cancelling…',
      elapsed_one: '{{count}} s elapsed (at most {{limit}} s)',
      elapsed_other: '{{count}} s elapsed (at most {{limit}} s)',
      progressLabel: 'Elapsed time',
      lastAttempt: 'Last attempt: {{time}}',
      recipientsTitle: 'Server reply per recipient',
      serverReply: 'Server reply:',
      refusedRecipients: 'Refused recipients:',
      cancelledStep: 'Step running when cancelled: {{step}}',
      applyingFix: 'Changing the setting…',
      fixApplied: 'Setting saved. Send the test e-mail again to check it.',
      fixFailed: 'The setting was not changed: {{message}}',
      startFailed: 'The test e-mail was not sent: {{message}}',
      cancelFailed: 'The test e-mail was not cancelled: {{message}}',
      loadFailed: 'The state of the test e-mail could not be read: {{message}}',
    },
    request: {
      noRecipient: 'No e-mail recipient address is active. Enter at least one recipient address and set it to Active.',
      recipientInvalid: 'E-mail recipient {{index}}: the address {{address}} is invalid. Correct it or set the recipient to Inactive.',
      alreadyRunning: 'A test e-mail is already being sent. Wait for the result or cancel it.',
      attemptNotFound: 'This test e-mail attempt no longer exists. Leave the screen and open it again.',
      serverInvalid: 'The saved SMTP server address is invalid ({{server}}). Correct it in the SMTP account.',
      certificateForOtherServer:
        'This certificate was presented by {{host}}:{{port}}, but the SMTP server is now {{server}}. Send the test e-mail again.',
    },
    diagnosis: {
      serverAddressInvalid: {
        title: 'The SMTP server address is not valid.',
        advice: 'Enter the server name, optionally followed by a colon and the port, e.g. smtp.gmail.com:465.',
      },
      senderAddressInvalid: {
        title: 'The sender e-mail address is missing or not valid.',
        advice: 'Enter the e-mail address of the sending account, e.g. my_name@example.com.',
      },
      passwordMissing: {
        title: 'An SMTP user name is entered, but no password.',
        advice: 'Enter the SMTP password, or clear the user name if the server accepts mail without authentication.',
      },
      noRecipient: {
        title: 'No recipient e-mail address is active.',
        advice: 'Enter at least one recipient address and set it to Active.',
      },
      hostNotFound: {
        title: 'The SMTP server name was not found.',
        advice: 'Check the SMTP server address (typo?). If it is correct, check the Internet connection and the DNS server of the network.',
      },
      dnsFailed: {
        title: 'Looking up the SMTP server name failed.',
        advice: 'Check the Internet connection and the DNS server of the network, then try again.',
      },
      connectionRefused: {
        title: 'The server refused the connection on this port.',
        advice: 'Check the port after the server name: usually 465 for SSL/TLS, 587 for StartTLS, 25 without encryption.',
      },
      connectionTimedOut: {
        title: 'The server did not answer the connection request.',
        advice: 'Check the server address and port, the Internet connection, and that no firewall blocks this port (port 25 is often blocked).',
      },
      networkUnreachable: {
        title: 'The server cannot be reached from this network.',
        advice: 'Check the network cable, the Internet connection and the gateway of the local network.',
      },
      connectionFailed: {
        title: 'The connection to the server failed.',
        advice: 'Check the Internet connection and the server address, then try again.',
      },
      tlsOnPlainPort: {
        title: 'The server does not speak SSL/TLS on this port: it answers unencrypted.',
        advice: "On this port choose StartTLS (or None), or use the provider's SSL/TLS port (usually 465).",
      },
      plainOnTlsPort: {
        title: 'This port expects an SSL/TLS encrypted connection from the start.',
        advice: 'Set security to SSL/TLS for this port.',
      },
      tlsHandshakeFailed: {
        title: 'Encryption with the server failed.',
        advice: 'Check the security setting and port given by the provider. A server that is too old (without TLS 1.2) is not accepted.',
      },
      certificateUntrusted: {
        title: 'The server certificate is not signed by a recognised authority.',
        advice: 'If this is a server on your network with a self-signed certificate, you can trust this certificate after checking its fingerprint. Otherwise check the server address.',
      },
      certificateHostMismatch: {
        title: 'The server certificate was issued for a name other than the address entered.',
        advice: 'Enter the server name as it appears in the certificate (the name given by the provider), or trust this certificate after checking its fingerprint.',
      },
      certificateExpired: {
        title: 'The server certificate has expired or is not valid yet.',
        advice: 'Check the date and time of the device. If they are right, the server must renew its certificate.',
      },
      certificateChanged: {
        title: 'The server presents a different certificate from the one you trusted.',
        advice: 'Trust the new certificate only if the server administrator confirms that it was changed and the fingerprint matches.',
      },
      noGreeting: {
        title: 'The server sent no greeting.',
        advice: 'Check the port and the security setting. If the port is right, the server may be overloaded: try again later.',
      },
      connectionLost: {
        title: 'The server closed the connection.',
        advice: 'Try again later. If the problem persists, check the account settings with the provider.',
      },
      responseTimedOut: {
        title: 'The server did not answer in time.',
        advice: 'Try again later; the server or the Internet connection may be overloaded.',
      },
      attemptTimedOut: {
        title: 'Sending took too long and was stopped.',
        advice: 'Try again later; the server or the Internet connection may be overloaded.',
      },
      cancelled: {
        title: 'Sending was cancelled.',
        advice: 'Send the test e-mail again when you are ready.',
      },
      greetingRefused: {
        title: 'The server refuses connections from this device.',
        advice: 'The provider may block the Internet address of this network. Try again later or choose another e-mail provider.',
      },
      ehloRefused: {
        title: "The server refused the device's introduction (EHLO/HELO).",
        advice: 'This e-mail provider may not be compatible. Choose another, compatible e-mail provider.',
      },
      unexpectedReply: {
        title: 'The server sent an unexpected reply.',
        advice: 'Check that the address and port are those of an SMTP (outgoing mail) server, then try again.',
      },
      starttlsNotOffered: {
        title: 'The server does not offer StartTLS on this port.',
        advice: 'Use the port and encryption given by the provider, often SSL/TLS on port 465. The password was not sent.',
      },
      starttlsRefused: {
        title: 'The server refused to switch to StartTLS encryption.',
        advice: "Try again later, or use SSL/TLS on the provider's port (usually 465). The password was not sent.",
      },
      encryptionRequired: {
        title: 'The server accepts authentication only on an encrypted connection.',
        advice: 'Set security to StartTLS (or SSL/TLS with the matching port).',
      },
      authNotOffered: {
        title: 'The server offers no authentication, but an SMTP user name is entered.',
        advice: "Check the server and port (the provider's outgoing port, not the incoming one). If the server accepts mail without authentication, clear the user name.",
      },
      authMethodsUnsupported: {
        title: 'The server offers neither the PLAIN nor the LOGIN authentication method.',
        advice: 'This provider is not compatible with the device. Choose another, compatible e-mail provider.',
      },
      authFailed: {
        title: 'The server refused the user name or password.',
        advice: 'Check the SMTP user name and the SMTP password (mind upper and lower case!).',
      },
      appPasswordRequired: {
        title: 'The server refused the login: this provider requires an app password.',
        advice: 'Create an app password in the account (with 2-step verification on) and enter it as the SMTP password. Also check the user name.',
      },
      basicAuthDisabled: {
        title: 'The provider has switched off password login for SMTP sending.',
        advice: 'An app password does not help. Enable SMTP AUTH for this account in the Microsoft 365 administration, or choose another e-mail provider.',
      },
      authRequired: {
        title: 'The server requires authentication before sending.',
        advice: 'Enter the SMTP user name and SMTP password of the account.',
      },
      senderRefused: {
        title: 'The server refused the sender address.',
        advice: 'Check the sender e-mail address: it usually has to be the address of the account.',
      },
      senderNotAllowedForLogin: {
        title: 'This account may not send with this sender address.',
        advice: 'Enter the address of the account used for authentication as the sender address.',
      },
      senderNeedsSmtputf8: {
        title: 'The sender address contains special characters that this server does not support.',
        advice: 'Use a sender address without accents or special characters before the @.',
      },
      recipientRefused: {
        title: 'The server refused a recipient address.',
        advice: 'Check the recipient address (typo?).',
      },
      recipientNeedsSmtputf8: {
        title: 'This recipient address contains special characters that this server does not support.',
        advice: 'Use an address without accents or special characters before the @.',
      },
      messageRefused: {
        title: 'The server refused the content of the e-mail.',
        advice: 'Read the server reply. Try again later; if it is still refused, contact the provider.',
      },
    },
  },
  de: {
    testEmail: {
      designation: 'Test-E-Mail',
      subjectDesignation: 'Test-E-Mail {{checkCode}}',
      purpose: 'Diese Test-E-Mail wurde von {{deviceName}} ({{senderName}}) gesendet, um die E-Mail-Konfiguration zu prüfen.',
      checkCode: 'Prüfcode: {{checkCode}}',
      checkCodeHint: 'Das Gerät zeigt nach dem Senden denselben Code an. Stimmt er überein, erreichen die E-Mails des Geräts diese Adresse.',
    },
    step: {
      dns: 'SMTP-Server suchen (DNS)',
      connect: 'Verbindung zum Server',
      tls: 'SSL/TLS-Verschlüsselung',
      greeting: 'Begrüßung des Servers',
      ehlo: 'Anmeldung beim Server (EHLO)',
      starttls: 'StartTLS-Verschlüsselung',
      auth: 'Authentifizierung',
      sender: 'Absenderadresse',
      recipient: 'Empfänger',
      data: 'Übertragung der E-Mail',
    },
    progress: {
      title: 'Test-E-Mail wird gesendet',
      step: '{{step}} …',
      recipient: '{{step}}: {{address}} …',
      cancel: 'Abbrechen',
    },
    result: {
      sent: 'Die Test-E-Mail wurde gesendet',
      notProof: 'Dies garantiert jedoch nicht, dass die Test-E-Mail von den aktiven E-Mail-Empfängern empfangen wurde.',
      notReceived:
        'Wenn ein Empfänger nichts erhält: Adresse prüfen (Tippfehler?), im Spam-Ordner nachsehen und etwas später erneut prüfen.',
      accepted: 'Vom Server angenommen für: {{address}}',
      rejected: 'Abgelehnt für: {{address}}',
      othersStillSent: 'Die übrigen Empfänger erhalten die Test-E-Mail.',
      checkCode: 'Prüfcode: {{checkCode}}',
      checkCodeHint: 'Dieser Code steht in der empfangenen Test-E-Mail.',
      failed: 'Fehler bei der Übertragung der Test-E-Mail',
      failedStep: 'Fehlgeschlagener Schritt: {{step}}',
      serverReply: 'Antwort des Servers: {{reply}}',
      noServerReply: 'Keine Antwort des Servers',
      detail: 'Technische Angabe (englisch): {{detail}}',
      timeout: {
        dns: 'Zeitlimit: keine DNS-Antwort innerhalb von {{duration}}.',
        connect: 'Zeitlimit: keine Verbindung innerhalb von {{duration}}.',
        tls: 'Zeitlimit: keine TLS-Verschlüsselung innerhalb von {{duration}}.',
        greeting: 'Zeitlimit: keine Begrüßung innerhalb von {{duration}}.',
        reply: 'Zeitlimit: keine Antwort des Servers innerhalb von {{duration}}.',
        attempt: 'Zeitlimit: Das Senden hat länger als {{duration}} gedauert.',
      },
      whatToDo: 'Was tun:',
      cancelled: 'Senden der Test-E-Mail abgebrochen',
      duration: 'Dauer: {{duration}}',
    },
    fix: {
      setSecurity: 'Sicherheit auf „{{security}}“ stellen',
      setSecurityAndPort: 'Sicherheit auf „{{security}}“ und Port auf {{port}} stellen',
      setPort: 'Port {{port}} verwenden',
      trustCertificate: 'Diesem Zertifikat für {{host}}:{{port}} vertrauen',
    },
    security: {
      none: 'Keine',
      ssl: 'SSL/TLS',
      starttls: 'StartTLS',
    },
    certificate: {
      title: 'Vom Server vorgelegtes Zertifikat',
      subject: 'Inhaber: {{value}}',
      issuer: 'Aussteller: {{value}}',
      validFrom: 'Gültig ab: {{value}}',
      validTo: 'Gültig bis: {{value}}',
      fingerprint: 'SHA-256-Fingerabdruck: {{value}}',
      selfSigned: 'Selbstsigniertes Zertifikat',
      trustWarning:
        'Vertrauen Sie diesem Zertifikat nur, wenn Sie wissen, dass es zu diesem Server gehört, zum Beispiel durch Vergleich des Fingerabdrucks mit dem Wert des Serveradministrators.',
    },
    screen: {
      intro: 'Die Test-E-Mail wird mit den gespeicherten Einstellungen an die aktiven Empfänger gesendet.',
      server: 'SMTP-Server',
      security: 'Sicherheit',
      sender: 'Absender',
      senderValue: '{{name}} <{{address}}>',
      userName: 'SMTP-Benutzername',
      noUserName: 'keiner (Senden ohne Authentifizierung)',
      recipients: 'Aktive Empfänger',
      notSet: '(nicht eingegeben)',
      send: 'Senden',
      sendAgain: 'Erneut senden',
      starting: 'Wird gestartet…',
      cancelling: 'Wird abgebrochen…',
      elapsed_one: '{{count}} s vergangen (höchstens {{limit}} s)',
      elapsed_other: '{{count}} s vergangen (höchstens {{limit}} s)',
      progressLabel: 'Verstrichene Zeit',
      lastAttempt: 'Letzter Versuch: {{time}}',
      recipientsTitle: 'Antwort des Servers je Empfänger',
      serverReply: 'Antwort des Servers:',
      refusedRecipients: 'Abgelehnte Empfänger:',
      cancelledStep: 'Laufender Schritt beim Abbruch: {{step}}',
      applyingFix: 'Einstellung wird geändert…',
      fixApplied: 'Einstellung gespeichert. Senden Sie die Test-E-Mail erneut, um sie zu prüfen.',
      fixFailed: 'Die Einstellung wurde nicht geändert: {{message}}',
      startFailed: 'Die Test-E-Mail wurde nicht gesendet: {{message}}',
      cancelFailed: 'Das Senden wurde nicht abgebrochen: {{message}}',
      loadFailed: 'Der Stand der Test-E-Mail konnte nicht gelesen werden: {{message}}',
    },
    request: {
      noRecipient:
        'Keine Empfänger-E-Mail-Adresse ist aktiv. Geben Sie mindestens eine Empfängeradresse ein und stellen Sie sie auf Aktiv.',
      recipientInvalid:
        'E-Mail-Empfänger {{index}}: Die Adresse {{address}} ist ungültig. Korrigieren Sie sie oder stellen Sie den Empfänger auf Inaktiv.',
      alreadyRunning: 'Eine Test-E-Mail wird bereits gesendet. Warten Sie das Ergebnis ab oder brechen Sie das Senden ab.',
      attemptNotFound: 'Dieser Sendeversuch existiert nicht mehr. Verlassen Sie die Anzeige und öffnen Sie sie erneut.',
      serverInvalid: 'Die gespeicherte Adresse des SMTP-Servers ist ungültig ({{server}}). Korrigieren Sie sie im SMTP-Konto.',
      certificateForOtherServer:
        'Dieses Zertifikat wurde von {{host}}:{{port}} vorgelegt, der SMTP-Server ist jetzt aber {{server}}. Senden Sie die Test-E-Mail erneut.',
    },
    diagnosis: {
      serverAddressInvalid: {
        title: 'Die Adresse des SMTP-Servers ist ungültig.',
        advice: 'Geben Sie den Servernamen ein, optional gefolgt von Doppelpunkt und Port, z. B. smtp.gmail.com:465.',
      },
      senderAddressInvalid: {
        title: 'Die E-Mail-Adresse des Absenders fehlt oder ist ungültig.',
        advice: 'Geben Sie die E-Mail-Adresse des Sendekontos ein, z. B. mein_name@web.de.',
      },
      passwordMissing: {
        title: 'Ein SMTP-Benutzername ist eingegeben, aber kein Passwort.',
        advice: 'Geben Sie das SMTP-Passwort ein oder löschen Sie den Benutzernamen, wenn der Server E-Mails ohne Authentifizierung annimmt.',
      },
      noRecipient: {
        title: 'Keine Empfänger-E-Mail-Adresse ist aktiv.',
        advice: 'Geben Sie mindestens eine Empfängeradresse ein und stellen Sie sie auf Aktiv.',
      },
      hostNotFound: {
        title: 'Der Name des SMTP-Servers wurde nicht gefunden.',
        advice: 'Prüfen Sie die Adresse des SMTP-Servers (Tippfehler?). Ist sie richtig, prüfen Sie die Internetverbindung und den DNS-Server des Netzwerks.',
      },
      dnsFailed: {
        title: 'Die Namensauflösung des SMTP-Servers ist fehlgeschlagen.',
        advice: 'Prüfen Sie die Internetverbindung und den DNS-Server des Netzwerks und versuchen Sie es erneut.',
      },
      connectionRefused: {
        title: 'Der Server hat die Verbindung auf diesem Port abgelehnt.',
        advice: 'Prüfen Sie den Port nach dem Servernamen: meist 465 für SSL/TLS, 587 für StartTLS, 25 ohne Verschlüsselung.',
      },
      connectionTimedOut: {
        title: 'Der Server hat auf den Verbindungsaufbau nicht geantwortet.',
        advice: 'Prüfen Sie Serveradresse und Port, die Internetverbindung und ob eine Firewall diesen Port sperrt (Port 25 ist oft gesperrt).',
      },
      networkUnreachable: {
        title: 'Der Server ist aus diesem Netzwerk nicht erreichbar.',
        advice: 'Prüfen Sie das Netzwerkkabel, die Internetverbindung und das Gateway des lokalen Netzwerks.',
      },
      connectionFailed: {
        title: 'Die Verbindung zum Server ist fehlgeschlagen.',
        advice: 'Prüfen Sie die Internetverbindung und die Serveradresse und versuchen Sie es erneut.',
      },
      tlsOnPlainPort: {
        title: 'Der Server spricht auf diesem Port kein SSL/TLS: Er antwortet unverschlüsselt.',
        advice: 'Wählen Sie auf diesem Port StartTLS (oder Keine) oder verwenden Sie den SSL/TLS-Port des Anbieters (meist 465).',
      },
      plainOnTlsPort: {
        title: 'Dieser Port erwartet von Beginn an eine SSL/TLS-verschlüsselte Verbindung.',
        advice: 'Stellen Sie die Sicherheit für diesen Port auf SSL/TLS.',
      },
      tlsHandshakeFailed: {
        title: 'Die Verschlüsselung mit dem Server ist fehlgeschlagen.',
        advice: 'Prüfen Sie Sicherheitseinstellung und Port laut Anbieter. Ein zu alter Server (ohne TLS 1.2) wird nicht akzeptiert.',
      },
      certificateUntrusted: {
        title: 'Das Zertifikat des Servers ist nicht von einer anerkannten Stelle signiert.',
        advice: 'Handelt es sich um einen Server in Ihrem Netzwerk mit selbstsigniertem Zertifikat, können Sie ihm nach Prüfung des Fingerabdrucks vertrauen. Andernfalls prüfen Sie die Serveradresse.',
      },
      certificateHostMismatch: {
        title: 'Das Zertifikat des Servers lautet auf einen anderen Namen als die eingegebene Adresse.',
        advice: 'Geben Sie den Servernamen so ein, wie er im Zertifikat steht (Name laut Anbieter), oder vertrauen Sie dem Zertifikat nach Prüfung des Fingerabdrucks.',
      },
      certificateExpired: {
        title: 'Das Zertifikat des Servers ist abgelaufen oder noch nicht gültig.',
        advice: 'Prüfen Sie Datum und Uhrzeit des Geräts. Stimmen sie, muss der Server sein Zertifikat erneuern.',
      },
      certificateChanged: {
        title: 'Der Server legt ein anderes Zertifikat vor als das, dem Sie vertraut haben.',
        advice: 'Vertrauen Sie dem neuen Zertifikat nur, wenn der Serveradministrator den Wechsel bestätigt und der Fingerabdruck übereinstimmt.',
      },
      noGreeting: {
        title: 'Der Server hat keine Begrüßung gesendet.',
        advice: 'Prüfen Sie Port und Sicherheitseinstellung. Stimmt der Port, ist der Server vielleicht überlastet: Versuchen Sie es später erneut.',
      },
      connectionLost: {
        title: 'Der Server hat die Verbindung getrennt.',
        advice: 'Versuchen Sie es später erneut. Bleibt der Fehler, prüfen Sie die Kontoeinstellungen beim Anbieter.',
      },
      responseTimedOut: {
        title: 'Der Server hat nicht rechtzeitig geantwortet.',
        advice: 'Versuchen Sie es später erneut; Server oder Internetverbindung sind vielleicht überlastet.',
      },
      attemptTimedOut: {
        title: 'Das Senden hat zu lange gedauert und wurde abgebrochen.',
        advice: 'Versuchen Sie es später erneut; Server oder Internetverbindung sind vielleicht überlastet.',
      },
      cancelled: {
        title: 'Das Senden wurde abgebrochen.',
        advice: 'Senden Sie die Test-E-Mail erneut, wenn Sie bereit sind.',
      },
      greetingRefused: {
        title: 'Der Server lehnt Verbindungen dieses Geräts ab.',
        advice: 'Der Anbieter sperrt vielleicht die Internetadresse dieses Netzwerks. Versuchen Sie es später erneut oder wählen Sie einen anderen E-Mail-Anbieter.',
      },
      ehloRefused: {
        title: 'Der Server hat die Anmeldung des Geräts (EHLO/HELO) abgelehnt.',
        advice: 'Dieser E-Mail-Anbieter ist vielleicht nicht kompatibel. Wählen Sie einen anderen, kompatiblen E-Mail-Anbieter.',
      },
      unexpectedReply: {
        title: 'Der Server hat eine unerwartete Antwort gesendet.',
        advice: 'Prüfen Sie, ob Adresse und Port zu einem SMTP-Server (Postausgangsserver) gehören, und versuchen Sie es erneut.',
      },
      starttlsNotOffered: {
        title: 'Der Server bietet auf diesem Port kein StartTLS an.',
        advice: 'Verwenden Sie Port und Verschlüsselung laut Anbieter, oft SSL/TLS auf Port 465. Das Passwort wurde nicht gesendet.',
      },
      starttlsRefused: {
        title: 'Der Server hat den Wechsel zur StartTLS-Verschlüsselung abgelehnt.',
        advice: 'Versuchen Sie es später erneut oder verwenden Sie SSL/TLS auf dem Port des Anbieters (meist 465). Das Passwort wurde nicht gesendet.',
      },
      encryptionRequired: {
        title: 'Der Server akzeptiert die Authentifizierung nur über eine verschlüsselte Verbindung.',
        advice: 'Stellen Sie die Sicherheit auf StartTLS (oder SSL/TLS mit dem passenden Port).',
      },
      authNotOffered: {
        title: 'Der Server bietet keine Authentifizierung an, aber ein SMTP-Benutzername ist eingegeben.',
        advice: 'Prüfen Sie Server und Port (Postausgangsport des Anbieters, nicht Posteingang). Nimmt der Server E-Mails ohne Authentifizierung an, löschen Sie den Benutzernamen.',
      },
      authMethodsUnsupported: {
        title: 'Der Server bietet weder die Authentifizierungsmethode PLAIN noch LOGIN an.',
        advice: 'Dieser Anbieter ist mit dem Gerät nicht kompatibel. Wählen Sie einen anderen, kompatiblen E-Mail-Anbieter.',
      },
      authFailed: {
        title: 'Der Server hat Benutzername oder Passwort abgelehnt.',
        advice: 'Prüfen Sie SMTP-Benutzername und SMTP-Passwort (Groß- und Kleinschreibung beachten!).',
      },
      appPasswordRequired: {
        title: 'Der Server hat die Anmeldung abgelehnt: Dieser Anbieter verlangt ein App-Passwort.',
        advice: 'Erstellen Sie im Konto ein App-Passwort (mit aktivierter Bestätigung in zwei Schritten) und geben Sie es als SMTP-Passwort ein. Prüfen Sie auch den Benutzernamen.',
      },
      basicAuthDisabled: {
        title: 'Der Anbieter hat die Anmeldung mit Passwort für den SMTP-Versand abgeschaltet.',
        advice: 'Ein App-Passwort hilft nicht. Aktivieren Sie SMTP AUTH für dieses Konto in der Microsoft-365-Verwaltung oder wählen Sie einen anderen E-Mail-Anbieter.',
      },
      authRequired: {
        title: 'Der Server verlangt vor dem Senden eine Authentifizierung.',
        advice: 'Geben Sie SMTP-Benutzername und SMTP-Passwort des Kontos ein.',
      },
      senderRefused: {
        title: 'Der Server hat die Absenderadresse abgelehnt.',
        advice: 'Prüfen Sie die Absender-E-Mail-Adresse: Sie muss meist die Adresse des Kontos sein.',
      },
      senderNotAllowedForLogin: {
        title: 'Dieses Konto darf nicht mit dieser Absenderadresse senden.',
        advice: 'Geben Sie als Absenderadresse die Adresse des Kontos ein, mit dem Sie sich anmelden.',
      },
      senderNeedsSmtputf8: {
        title: 'Die Absenderadresse enthält Sonderzeichen, die dieser Server nicht unterstützt.',
        advice: 'Verwenden Sie eine Absenderadresse ohne Umlaute oder Sonderzeichen vor dem @.',
      },
      recipientRefused: {
        title: 'Der Server hat eine Empfängeradresse abgelehnt.',
        advice: 'Prüfen Sie die Empfängeradresse (Tippfehler?).',
      },
      recipientNeedsSmtputf8: {
        title: 'Diese Empfängeradresse enthält Sonderzeichen, die dieser Server nicht unterstützt.',
        advice: 'Verwenden Sie eine Adresse ohne Umlaute oder Sonderzeichen vor dem @.',
      },
      messageRefused: {
        title: 'Der Server hat den Inhalt der E-Mail abgelehnt.',
        advice: 'Lesen Sie die Antwort des Servers. Versuchen Sie es später erneut; bleibt die Ablehnung, wenden Sie sich an den Anbieter.',
      },
    },
  },
} satisfies Namespace;
