import type { Namespace } from './catalog';

/** Texts of the on-screen keyboard: function key labels and accessible names, layout names, rejected keys. */
export const keyboard = {
  fr: {
    keys: {
      shift: 'Maj',
      alt: 'Alt',
      space: 'Espace',
      backspace: 'Effacer',
      left: '◀',
      right: '▶',
    },
    keyNames: {
      shift: 'Maj : majuscules et caractères spéciaux',
      alt: 'Alt : caractères internationaux',
      space: 'Espace',
      backspace: 'Effacer le caractère avant le curseur',
      left: 'Curseur vers la gauche',
      right: 'Curseur vers la droite',
    },
    modes: {
      letters: 'Lettres',
      shift: 'Majuscules et caractères spéciaux',
      french: 'Accents français',
      german: 'Lettres allemandes',
      spanishPortuguese: 'Lettres espagnoles et portugaises',
      nordic: 'Lettres nordiques',
      symbols: 'Symboles',
    },
    rejected: {
      maxLength: 'Longueur maximale atteinte : {{max}} caractères.',
      control: "Ce caractère n'est pas autorisé.",
    },
  },
  en: {
    keys: {
      shift: 'Shift',
      alt: 'Alt',
      space: 'Space',
      backspace: 'Delete',
      left: '◀',
      right: '▶',
    },
    keyNames: {
      shift: 'Shift: capitals and special characters',
      alt: 'Alt: international characters',
      space: 'Space',
      backspace: 'Delete the character before the cursor',
      left: 'Cursor left',
      right: 'Cursor right',
    },
    modes: {
      letters: 'Letters',
      shift: 'Capitals and special characters',
      french: 'French accents',
      german: 'German letters',
      spanishPortuguese: 'Spanish and Portuguese letters',
      nordic: 'Nordic letters',
      symbols: 'Symbols',
    },
    rejected: {
      maxLength: 'Maximum length reached: {{max}} characters.',
      control: 'This character is not allowed.',
    },
  },
  de: {
    keys: {
      shift: 'Umschalt',
      alt: 'Alt',
      space: 'Leertaste',
      backspace: 'Löschen',
      left: '◀',
      right: '▶',
    },
    keyNames: {
      shift: 'Umschalt: Großbuchstaben und Sonderzeichen',
      alt: 'Alt: internationale Zeichen',
      space: 'Leertaste',
      backspace: 'Zeichen vor dem Cursor löschen',
      left: 'Cursor nach links',
      right: 'Cursor nach rechts',
    },
    modes: {
      letters: 'Buchstaben',
      shift: 'Großbuchstaben und Sonderzeichen',
      french: 'Französische Akzente',
      german: 'Deutsche Buchstaben',
      spanishPortuguese: 'Spanische und portugiesische Buchstaben',
      nordic: 'Nordische Buchstaben',
      symbols: 'Symbole',
    },
    rejected: {
      maxLength: 'Maximale Länge erreicht: {{max}} Zeichen.',
      control: 'Dieses Zeichen ist nicht erlaubt.',
    },
  },
} satisfies Namespace;
