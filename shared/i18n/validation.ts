import type { Namespace } from './catalog';

/**
 * Field validation messages. Each names the rejected value ({{value}}, the trimmed input) and gives
 * the fix. {{detail}} is the offending character, part, label, port or length.
 */
export const validation = {
  fr: {
    address: {
      empty: 'Saisissez une adresse e-mail. Exemple : nom@fournisseur.fr',
      controlCharacter:
        "L'adresse « {{value}} » contient un caractère de contrôle ({{detail}}). Effacez l'adresse et saisissez-la à nouveau avec le clavier.",
      innerSpace: "L'adresse « {{value}} » contient un espace. Supprimez les espaces : une adresse e-mail n'en contient pas.",
      quotedLocalPart:
        "L'adresse « {{value}} » commence par des guillemets. Les adresses entre guillemets ne sont pas prises en charge : saisissez une adresse sans guillemets ni espaces.",
      missingAt:
        "L'adresse « {{value}} » ne contient pas de « @ ». Exemple : nom@fournisseur.fr (le « @ » se trouve sur le clavier Maj., en haut à gauche)",
      multipleAt:
        "L'adresse « {{value}} » contient plusieurs « @ ». Une adresse n'en contient qu'un seul. Exemple : nom@fournisseur.fr",
      emptyLocalPart: "Il manque le nom avant le « @ » dans « {{value}} ». Exemple : nom@fournisseur.fr",
      emptyDomain: "Il manque le fournisseur après le « @ » dans « {{value}} ». Exemple : nom@fournisseur.fr",
      dotAtEdge: 'Dans « {{value}} », la partie « {{detail}} » commence ou se termine par un point. Supprimez ce point.',
      consecutiveDots: "L'adresse « {{value}} » contient deux points qui se suivent. Supprimez le point en trop.",
      invalidCharacter:
        "L'adresse « {{value}} » contient le caractère « {{detail}} », qui n'est pas autorisé à cet endroit. Supprimez-le ou remplacez-le.",
      localPartTooLong:
        'Le nom avant le « @ » dans « {{value}} » est trop long ({{detail}} caractères, 64 au maximum). Raccourcissez-le.',
      addressLiteral:
        "L'adresse « {{value}} » contient une adresse IP entre crochets après le « @ ». Saisissez un nom de domaine, par exemple nom@fournisseur.fr",
      domainWithoutDot:
        'Le domaine « {{detail}} » dans « {{value}} » ne contient pas de point. Saisissez le domaine complet, par exemple fournisseur.fr',
      domainLabelTooLong:
        'Dans « {{value}} », la partie de domaine « {{detail}} » dépasse 63 caractères. Vérifiez le domaine.',
      domainLabelHyphen:
        'Dans « {{value}} », la partie de domaine « {{detail}} » commence ou se termine par un tiret. Supprimez ce tiret.',
      topLevelDomain:
        "L'adresse « {{value}} » se termine par « {{detail}} », qui n'est pas une extension de domaine valide. Vérifiez la fin de l'adresse, par exemple .fr ou .com",
      internationalDomain:
        "Le domaine de « {{value}} » contient des caractères interdits dans un nom de domaine international. Vérifiez l'orthographe du domaine.",
      tooLong: "L'adresse « {{value}} » est trop longue ({{detail}} caractères, 254 au maximum). Raccourcissez-la.",
    },
    server: {
      empty: "Saisissez l'adresse du serveur SMTP, par exemple smtp.gmail.com:465",
      tooLong:
        'Le serveur « {{value}} » est trop long ({{detail}} caractères). Un nom de serveur compte au plus 253 caractères : vérifiez la saisie.',
      controlCharacter:
        'Le serveur « {{value}} » contient un caractère de contrôle ({{detail}}). Effacez la saisie et saisissez-la à nouveau avec le clavier.',
      scheme:
        'Le serveur « {{value}} » commence par « {{detail}}:// ». Saisissez seulement le nom du serveur et le port, par exemple smtp.gmail.com:465',
      userInfo:
        "Le serveur « {{value}} » contient un « @ ». Saisissez seulement le nom du serveur, par exemple smtp.gmail.com:465. Le nom d'utilisateur se saisit dans « Nom d'utilisateur SMTP ».",
      path: 'Le serveur « {{value}} » contient « {{detail}} ». Saisissez seulement le nom du serveur et le port, sans chemin, par exemple smtp.gmail.com:465',
      innerSpace:
        'Le serveur « {{value}} » contient un espace. Séparez le port par « : », sans espace, par exemple smtp.gmail.com:465',
      multipleColons:
        'Le serveur « {{value}} » contient plusieurs « : ». Indiquez le port une seule fois, par exemple smtp.gmail.com:465',
      ipv6WithoutBrackets:
        "L'adresse IPv6 « {{value}} » doit être écrite entre crochets, suivie du port, par exemple [2001:db8::1]:587",
      bracketNotClosed: 'Le serveur « {{value}} » ouvre un crochet « [ » sans le fermer. Exemple : [2001:db8::1]:587',
      textAfterBracket:
        "Dans « {{value}} », seul « :port » peut suivre l'adresse IPv6 entre crochets, pas « {{detail}} ». Exemple : [2001:db8::1]:587",
      ipv6Invalid:
        "« {{detail}} » dans « {{value}} » n'est pas une adresse IPv6 valide. Exemple : [2001:db8::1]:587. Une adresse IPv4 s'écrit sans crochets.",
      hostMissing: 'Il manque le nom du serveur avant « : » dans « {{value}} ». Exemple : smtp.gmail.com:465',
      portMissing:
        'Il manque le port après « : » dans « {{value}} ». Ajoutez le port, par exemple smtp.gmail.com:465, ou supprimez « : » pour utiliser le port 25.',
      portNotNumber:
        "Le port « {{detail}} » dans « {{value}} » n'est pas un nombre. Saisissez uniquement des chiffres, par exemple 465 ou 587.",
      portOutOfRange:
        'Le port « {{detail}} » dans « {{value}} » est hors limites. Saisissez un port entre 1 et 65535, le plus souvent 465 ou 587.',
      ipv4Invalid:
        "« {{detail}} » dans « {{value}} » n'est pas une adresse IPv4 valide. Saisissez quatre nombres de 0 à 255 séparés par des points, par exemple 192.168.1.10",
      numericTopLevel:
        'Le nom de serveur « {{value}} » se termine par un nombre (« {{detail}} »). Vérifiez le nom, par exemple smtp.fournisseur.fr, ou saisissez une adresse IPv4 complète.',
      dotAtEdge: 'Le nom de serveur dans « {{value}} » commence ou se termine par un point. Supprimez ce point.',
      consecutiveDots: 'Le nom de serveur dans « {{value}} » contient deux points qui se suivent. Supprimez le point en trop.',
      invalidCharacter:
        "Le nom de serveur dans « {{value}} » contient le caractère « {{detail}} », qui n'est pas autorisé. Un nom de serveur contient seulement des lettres, des chiffres, des tirets et des points.",
      labelTooLong: 'Dans « {{value}} », la partie « {{detail}} » dépasse 63 caractères. Vérifiez le nom du serveur.',
      labelHyphen: 'Dans « {{value}} », la partie « {{detail}} » commence ou se termine par un tiret. Supprimez ce tiret.',
      invalidInternationalName:
        "Le nom de serveur dans « {{value}} » contient des caractères interdits dans un nom de domaine international. Vérifiez l'orthographe.",
    },
  },
  en: {
    address: {
      empty: 'Enter an e-mail address. Example: name@provider.com',
      controlCharacter:
        'The address “{{value}}” contains a control character ({{detail}}). Delete the address and type it again on the keyboard.',
      innerSpace: 'The address “{{value}}” contains a space. Remove the spaces: an e-mail address has none.',
      quotedLocalPart:
        'The address “{{value}}” starts with quotation marks. Quoted addresses are not supported: enter an address without quotation marks or spaces.',
      missingAt:
        'The address “{{value}}” contains no “@”. Example: name@provider.com (the “@” is on the Shift keyboard, top left)',
      multipleAt: 'The address “{{value}}” contains more than one “@”. An address has exactly one. Example: name@provider.com',
      emptyLocalPart: 'The name before the “@” is missing in “{{value}}”. Example: name@provider.com',
      emptyDomain: 'The provider after the “@” is missing in “{{value}}”. Example: name@provider.com',
      dotAtEdge: 'In “{{value}}”, the part “{{detail}}” starts or ends with a dot. Remove that dot.',
      consecutiveDots: 'The address “{{value}}” contains two dots in a row. Remove the extra dot.',
      invalidCharacter:
        'The address “{{value}}” contains the character “{{detail}}”, which is not allowed there. Remove or replace it.',
      localPartTooLong:
        'The name before the “@” in “{{value}}” is too long ({{detail}} characters, at most 64). Shorten it.',
      addressLiteral:
        'The address “{{value}}” has an IP address in brackets after the “@”. Enter a domain name instead, for example name@provider.com',
      domainWithoutDot:
        'The domain “{{detail}}” in “{{value}}” contains no dot. Enter the full domain, for example provider.com',
      domainLabelTooLong: 'In “{{value}}”, the domain part “{{detail}}” is longer than 63 characters. Check the domain.',
      domainLabelHyphen: 'In “{{value}}”, the domain part “{{detail}}” starts or ends with a hyphen. Remove that hyphen.',
      topLevelDomain:
        'The address “{{value}}” ends with “{{detail}}”, which is not a valid domain ending. Check the end of the address, for example .com or .fr',
      internationalDomain:
        'The domain of “{{value}}” contains characters that are not allowed in an internationalised domain name. Check the spelling of the domain.',
      tooLong: 'The address “{{value}}” is too long ({{detail}} characters, at most 254). Shorten it.',
    },
    server: {
      empty: 'Enter the SMTP server address, for example smtp.gmail.com:465',
      tooLong:
        'The server “{{value}}” is too long ({{detail}} characters). A server name has at most 253 characters: check what you typed.',
      controlCharacter:
        'The server “{{value}}” contains a control character ({{detail}}). Delete it and type it again on the keyboard.',
      scheme:
        'The server “{{value}}” starts with “{{detail}}://”. Enter only the server name and port, for example smtp.gmail.com:465',
      userInfo:
        'The server “{{value}}” contains an “@”. Enter only the server name, for example smtp.gmail.com:465. The user name goes in “SMTP user name”.',
      path: 'The server “{{value}}” contains “{{detail}}”. Enter only the server name and port, without a path, for example smtp.gmail.com:465',
      innerSpace:
        'The server “{{value}}” contains a space. Separate the port with “:” and no space, for example smtp.gmail.com:465',
      multipleColons:
        'The server “{{value}}” contains more than one “:”. Give the port only once, for example smtp.gmail.com:465',
      ipv6WithoutBrackets:
        'The IPv6 address “{{value}}” must be written in brackets, followed by the port, for example [2001:db8::1]:587',
      bracketNotClosed: 'The server “{{value}}” opens a bracket “[” without closing it. Example: [2001:db8::1]:587',
      textAfterBracket:
        'In “{{value}}”, only “:port” may follow the IPv6 address in brackets, not “{{detail}}”. Example: [2001:db8::1]:587',
      ipv6Invalid:
        '“{{detail}}” in “{{value}}” is not a valid IPv6 address. Example: [2001:db8::1]:587. An IPv4 address is written without brackets.',
      hostMissing: 'The server name before “:” is missing in “{{value}}”. Example: smtp.gmail.com:465',
      portMissing:
        'The port after “:” is missing in “{{value}}”. Add the port, for example smtp.gmail.com:465, or remove the “:” to use port 25.',
      portNotNumber:
        'The port “{{detail}}” in “{{value}}” is not a number. Enter digits only, for example 465 or 587.',
      portOutOfRange:
        'The port “{{detail}}” in “{{value}}” is out of range. Enter a port from 1 to 65535, usually 465 or 587.',
      ipv4Invalid:
        '“{{detail}}” in “{{value}}” is not a valid IPv4 address. Enter four numbers from 0 to 255 separated by dots, for example 192.168.1.10',
      numericTopLevel:
        'The server name “{{value}}” ends with a number (“{{detail}}”). Check the name, for example smtp.provider.com, or enter a complete IPv4 address.',
      dotAtEdge: 'The server name in “{{value}}” starts or ends with a dot. Remove that dot.',
      consecutiveDots: 'The server name in “{{value}}” contains two dots in a row. Remove the extra dot.',
      invalidCharacter:
        'The server name in “{{value}}” contains the character “{{detail}}”, which is not allowed. A server name has only letters, digits, hyphens and dots.',
      labelTooLong: 'In “{{value}}”, the part “{{detail}}” is longer than 63 characters. Check the server name.',
      labelHyphen: 'In “{{value}}”, the part “{{detail}}” starts or ends with a hyphen. Remove that hyphen.',
      invalidInternationalName:
        'The server name in “{{value}}” contains characters that are not allowed in an internationalised domain name. Check the spelling.',
    },
  },
  de: {
    address: {
      empty: 'Geben Sie eine E-Mail-Adresse ein. Beispiel: name@anbieter.de',
      controlCharacter:
        'Die Adresse „{{value}}“ enthält ein Steuerzeichen ({{detail}}). Löschen Sie die Adresse und geben Sie sie mit der Tastatur neu ein.',
      innerSpace: 'Die Adresse „{{value}}“ enthält ein Leerzeichen. Entfernen Sie die Leerzeichen: Eine E-Mail-Adresse enthält keine.',
      quotedLocalPart:
        'Die Adresse „{{value}}“ beginnt mit Anführungszeichen. Adressen in Anführungszeichen werden nicht unterstützt: Geben Sie eine Adresse ohne Anführungszeichen und Leerzeichen ein.',
      missingAt:
        'Die Adresse „{{value}}“ enthält kein „@“. Beispiel: name@anbieter.de (das „@“ finden Sie auf der Umschalt-Tastatur oben links)',
      multipleAt:
        'Die Adresse „{{value}}“ enthält mehr als ein „@“. Eine Adresse enthält genau eines. Beispiel: name@anbieter.de',
      emptyLocalPart: 'In „{{value}}“ fehlt der Name vor dem „@“. Beispiel: name@anbieter.de',
      emptyDomain: 'In „{{value}}“ fehlt der Anbieter nach dem „@“. Beispiel: name@anbieter.de',
      dotAtEdge: 'In „{{value}}“ beginnt oder endet der Teil „{{detail}}“ mit einem Punkt. Entfernen Sie diesen Punkt.',
      consecutiveDots: 'Die Adresse „{{value}}“ enthält zwei Punkte hintereinander. Entfernen Sie den überzähligen Punkt.',
      invalidCharacter:
        'Die Adresse „{{value}}“ enthält das Zeichen „{{detail}}“, das an dieser Stelle nicht erlaubt ist. Entfernen oder ersetzen Sie es.',
      localPartTooLong:
        'Der Name vor dem „@“ in „{{value}}“ ist zu lang ({{detail}} Zeichen, höchstens 64). Kürzen Sie ihn.',
      addressLiteral:
        'Die Adresse „{{value}}“ enthält nach dem „@“ eine IP-Adresse in eckigen Klammern. Geben Sie einen Domainnamen ein, zum Beispiel name@anbieter.de',
      domainWithoutDot:
        'Die Domain „{{detail}}“ in „{{value}}“ enthält keinen Punkt. Geben Sie die vollständige Domain ein, zum Beispiel anbieter.de',
      domainLabelTooLong:
        'In „{{value}}“ ist der Domainteil „{{detail}}“ länger als 63 Zeichen. Prüfen Sie die Domain.',
      domainLabelHyphen:
        'In „{{value}}“ beginnt oder endet der Domainteil „{{detail}}“ mit einem Bindestrich. Entfernen Sie diesen Bindestrich.',
      topLevelDomain:
        'Die Adresse „{{value}}“ endet auf „{{detail}}“, keine gültige Domainendung. Prüfen Sie das Ende der Adresse, zum Beispiel .de oder .com',
      internationalDomain:
        'Die Domain von „{{value}}“ enthält Zeichen, die in einem internationalen Domainnamen nicht erlaubt sind. Prüfen Sie die Schreibweise der Domain.',
      tooLong: 'Die Adresse „{{value}}“ ist zu lang ({{detail}} Zeichen, höchstens 254). Kürzen Sie sie.',
    },
    server: {
      empty: 'Geben Sie die Adresse des SMTP-Servers ein, zum Beispiel smtp.gmail.com:465',
      tooLong:
        'Der Server „{{value}}“ ist zu lang ({{detail}} Zeichen). Ein Servername hat höchstens 253 Zeichen: Prüfen Sie die Eingabe.',
      controlCharacter:
        'Der Server „{{value}}“ enthält ein Steuerzeichen ({{detail}}). Löschen Sie die Eingabe und geben Sie sie mit der Tastatur neu ein.',
      scheme:
        'Der Server „{{value}}“ beginnt mit „{{detail}}://“. Geben Sie nur Servername und Port ein, zum Beispiel smtp.gmail.com:465',
      userInfo:
        'Der Server „{{value}}“ enthält ein „@“. Geben Sie nur den Servernamen ein, zum Beispiel smtp.gmail.com:465. Der Benutzername gehört in „SMTP-Benutzername“.',
      path: 'Der Server „{{value}}“ enthält „{{detail}}“. Geben Sie nur Servername und Port ohne Pfad ein, zum Beispiel smtp.gmail.com:465',
      innerSpace:
        'Der Server „{{value}}“ enthält ein Leerzeichen. Trennen Sie den Port mit „:“ ohne Leerzeichen ab, zum Beispiel smtp.gmail.com:465',
      multipleColons:
        'Der Server „{{value}}“ enthält mehr als einen „:“. Geben Sie den Port nur einmal an, zum Beispiel smtp.gmail.com:465',
      ipv6WithoutBrackets:
        'Die IPv6-Adresse „{{value}}“ muss in eckigen Klammern stehen, gefolgt vom Port, zum Beispiel [2001:db8::1]:587',
      bracketNotClosed: 'Der Server „{{value}}“ öffnet eine eckige Klammer „[“, ohne sie zu schließen. Beispiel: [2001:db8::1]:587',
      textAfterBracket:
        'In „{{value}}“ darf nach der IPv6-Adresse in eckigen Klammern nur „:Port“ folgen, nicht „{{detail}}“. Beispiel: [2001:db8::1]:587',
      ipv6Invalid:
        '„{{detail}}“ in „{{value}}“ ist keine gültige IPv6-Adresse. Beispiel: [2001:db8::1]:587. Eine IPv4-Adresse steht ohne Klammern.',
      hostMissing: 'In „{{value}}“ fehlt der Servername vor dem „:“. Beispiel: smtp.gmail.com:465',
      portMissing:
        'In „{{value}}“ fehlt der Port nach dem „:“. Ergänzen Sie den Port, zum Beispiel smtp.gmail.com:465, oder entfernen Sie den „:“, um Port 25 zu verwenden.',
      portNotNumber:
        'Der Port „{{detail}}“ in „{{value}}“ ist keine Zahl. Geben Sie nur Ziffern ein, zum Beispiel 465 oder 587.',
      portOutOfRange:
        'Der Port „{{detail}}“ in „{{value}}“ liegt außerhalb des gültigen Bereichs. Geben Sie einen Port von 1 bis 65535 ein, meist 465 oder 587.',
      ipv4Invalid:
        '„{{detail}}“ in „{{value}}“ ist keine gültige IPv4-Adresse. Geben Sie vier Zahlen von 0 bis 255 ein, getrennt durch Punkte, zum Beispiel 192.168.1.10',
      numericTopLevel:
        'Der Servername „{{value}}“ endet mit einer Zahl („{{detail}}“). Prüfen Sie den Namen, zum Beispiel smtp.anbieter.de, oder geben Sie eine vollständige IPv4-Adresse ein.',
      dotAtEdge: 'Der Servername in „{{value}}“ beginnt oder endet mit einem Punkt. Entfernen Sie diesen Punkt.',
      consecutiveDots: 'Der Servername in „{{value}}“ enthält zwei Punkte hintereinander. Entfernen Sie den überzähligen Punkt.',
      invalidCharacter:
        'Der Servername in „{{value}}“ enthält das Zeichen „{{detail}}“, das nicht erlaubt ist. Ein Servername besteht nur aus Buchstaben, Ziffern, Bindestrichen und Punkten.',
      labelTooLong: 'In „{{value}}“ ist der Teil „{{detail}}“ länger als 63 Zeichen. Prüfen Sie den Servernamen.',
      labelHyphen: 'In „{{value}}“ beginnt oder endet der Teil „{{detail}}“ mit einem Bindestrich. Entfernen Sie diesen Bindestrich.',
      invalidInternationalName:
        'Der Servername in „{{value}}“ enthält Zeichen, die in einem internationalen Domainnamen nicht erlaubt sind. Prüfen Sie die Schreibweise.',
    },
  },
} satisfies Namespace;
