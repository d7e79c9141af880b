import type { Translations } from '../../i18n/locales/en.js';

export const distributionDe: Translations['distribution'] = {
  classPacks: 'Pakete vom Klassenserver',
  notSignedIn:
    'Kein Profil auf diesem Rechner ist mit einem Klassenserver verknüpft, also kommen von dort keine Pakete.',
  checking: 'Suche auf {{server}} nach neuen Paketen…',
  downloadingPack: 'Lade {{packId}} {{version}} von {{server}} herunter…',
  downloading: 'Wird heruntergeladen…',
  installingPack: 'Prüfe und installiere {{packId}} {{version}}…',
  installing: 'Wird installiert…',
  unreachable: 'Der Klassenserver ist nicht erreichbar.',
  retryLater: '{{reason}} Später wird es erneut versucht, ein angefangener Download wird fortgesetzt.',
  upToDate: 'Aktuell laut {{server}} (geprüft um {{time}}).',
  theServer: 'dem Klassenserver',
  idle: 'Pakete vom Klassenserver kommen von selbst hier an, solange ein Profil verknüpft ist.',
  refused: '{{packId}} {{version}}: abgelehnt, nichts installiert ({{reason}})',
  noReason: 'kein Grund angegeben',
  installed: '{{packId}} {{version}}: installiert',
  alreadyInstalled: '{{packId}} {{version}}: schon installiert',
  downloadingBar: 'Herunterladen',
  checkNow: 'Jetzt prüfen',
  folder: {
    heading: 'Einen Ordner mit Paketen installieren',
    intro:
      'In der Desktop-App: jedes .lpack im Ordner, nur neuere Versionen. Die Browser-Oberfläche nimmt keinen Ordnerpfad auf diesem Rechner an; dort importierst du Pakete einzeln im Katalog.',
    label: 'Ordner (zum Beispiel ein USB-Stick)',
    install: 'Jedes Paket darin installieren',
    installing: 'Installation',
    summary: '{{installed}} installiert, {{upgraded}} aktualisiert, {{skipped}} übersprungen, {{refused}} abgelehnt',
    status: { installed: 'installiert', upgraded: 'aktualisiert', skipped: 'übersprungen', refused: 'abgelehnt' },
  },
  publish: {
    heading: 'Ein Paket auf dem Klassenserver veröffentlichen',
    intro:
      'Ein signiertes .lpack geht an den Klassenserver, mit dem dieses Profil verbunden ist, über ein Server-Admin-Konto: Jede dort angemeldete App installiert es dann von selbst. Der Server prüft die Signatur mit seinen eigenen vertrauenswürdigen Schlüsseln.',
    choose: 'Paketdatei zum Veröffentlichen wählen',
    noProfile:
      'Öffne ein Profil, das mit einem Admin-Konto mit dem Klassenserver verbunden ist, um von hier zu veröffentlichen.',
    uploading: 'Hochladen in die App',
    sending: 'Senden an den Klassenserver',
    published: '{{packId}} {{version}} veröffentlicht: Die beim Klassenserver angemeldeten Apps holen es.',
    unchanged: '{{packId}} {{version}} wurde mit genau diesen Bytes schon veröffentlicht; nichts geändert.',
  },
  servers: {
    find: 'Server in diesem Netzwerk suchen',
    looking: 'Suche nach Servern…',
    none: 'In diesem Netzwerk hat kein Klassenserver geantwortet: Gib seine Adresse ein (deine Lehrkraft oder der Admin des Raums hat sie).',
    found: 'Gefundene Server',
  },
};
