import type { cliHelpAdminEn } from './help-admin-en.js';

/** German for the admin tools' help texts (same keys and placeholders; a test checks both). */
export const cliHelpAdminDe: Record<keyof typeof cliHelpAdminEn, string> = {
  'help-option-server': 'der Klassenserver, z. B. http://192.168.1.10:4781',
  'help-option-admin-email': 'das Admin-Konto des Servers (Standard: {{env}})',
  'help-option-runtime': 'die Laufzeitumgebung',
  'help-option-seed': 'Zufalls-Seed (derselbe Seed gibt dieselben Zahlen aus)',
  'help-admin-publish':
    'ein signiertes .lpack auf dem Klassenserver veröffentlichen: jede dort angemeldete App holt es sich (Admin-Konto des Servers; Passwort aus {{passwordEnv}} oder im Terminal)',
  'help-admin-publish-app':
    'eine signierte App-Version (Ausgabe von electron-builder: latest*.yml und Installer) auf dem Klassenserver veröffentlichen',
  'help-admin-publish-app-key':
    'der geheime Signaturschlüssel (pack-signing.key); die Apps müssen seinem öffentlichen Schlüssel vertrauen',
  'help-admin-publish-app-staging':
    'gestaffelte Verteilung: der Anteil der Apps (0-100), denen diese Version angeboten wird',
  'help-admin-import-learners':
    'Konten für Lernende auf einem Klassenserver aus einer CSV-Datei anlegen (Name, E-Mail, optional Passwort), auf Wunsch in einer Klasse, und druckbare Anmeldekarten schreiben; das Admin-Passwort des Servers wird im Terminal abgefragt oder aus {{passwordEnv}} gelesen',
  'help-admin-import-learners-class': 'alle Lernenden der Klasse mit diesem Beitrittscode hinzufügen',
  'help-admin-import-learners-cards': 'wohin die Anmeldekarten geschrieben werden',
  'help-notify-send':
    'eine Nachricht an eine Klasse (--class BEITRITTSCODE), einen Lernenden (--learner KONTO-ID) oder alle (--everyone, nur Admins) senden; meldet sich als --email (oder {{emailEnv}}) an, mit dem Passwort aus dem Terminal oder aus {{passwordEnv}}',
  'help-notify-send-email': 'das Konto der Lehrkraft oder des Admins (Standard: {{env}})',
  'help-notify-send-class': 'der Beitrittscode der Klasse',
  'help-notify-send-learner': 'die Konto-ID eines Lernenden',
  'help-notify-send-everyone': 'jedes Konto auf dem Server (nur Admins)',
  'help-notify-send-text': 'die Nachricht: reiner Text, oder Markdown mit --markdown',
  'help-notify-send-title': 'ein Titel (Standard: „Nachricht von <dein Name>“)',
  'help-notify-send-markdown': 'der Text ist Markdown der App (bereinigt angezeigt)',
  'help-notify-send-important': 'als wichtig markieren (auch per E-Mail, wo der Server E-Mails sendet)',
  'help-notify-send-link': "worum es geht, als App-Link wie '#/lessons/<id>'",
  'help-trust-add':
    'den Paketen vertrauen, die mit einem Schlüssel signiert sind, anhand seiner öffentlichen Schlüsseldatei (pack-signing.pub)',
  'help-trust-add-label': 'wem der Schlüssel gehört',
  'help-trust-list': 'die vertrauenswürdigen Schlüssel auflisten, wem jeder gehört und wann er hinzugefügt wurde',
  'help-trust-remove':
    'einem Schlüssel nicht mehr vertrauen: damit signierte Pakete lassen sich nicht mehr installieren',
  'help-pack-check-trust': 'öffentliche Schlüsseldatei(en), um ein signiertes .lpack zu prüfen',
  'help-pack-check-concurrency': 'wie viele Übungen gleichzeitig geprüft werden',
  'help-pack-keygen-out': 'Ordner für pack-signing.key (geheim) und pack-signing.pub',
  'help-pack-build-key': 'der geheime Signaturschlüssel (pack-signing.key)',
  'help-pack-build-out': 'wohin das .lpack geschrieben wird',
  'help-pack-verify-trust': 'öffentliche Schlüsseldatei(en), denen vertraut wird',
  'help-pack-install-allow-downgrade': 'auch installieren, wenn die Datei älter ist als die installierte Version',
  'help-pack-install-replace-key':
    'Admin: einen anderen Signaturschlüssel annehmen als den, an den die Paket-ID gebunden ist, und die ID an den neuen binden',
  'help-serve-port': 'der Port, auf dem gelauscht wird (0 wählt einen freien)',
  'help-serve-host': 'die Adresse, auf der gelauscht wird (über Loopback hinaus nur mit --allow-lan)',
  'help-serve-allow-lan':
    '--host darf eine Adresse außerhalb dieses Computers sein: jeder im Netz mit dem Link kann den Fortschritt aller Lernenden lesen und ändern, über unverschlüsseltes HTTP',
  'help-assess-calibrate-answers':
    'CSV mit der Kopfzeile learner,item,correct (1 oder 0), oder JSON [{"learner","item","correct"}]',
  'help-assess-simulate-learners': 'simulierte Lernende',
  'help-assess-simulate-items': 'Fragen in der simulierten Fragensammlung',
  'help-assess-simulate-skills': 'Fähigkeiten, die die Fragensammlung abdeckt',
  'help-assess-simulate-target-se': 'der adaptive Test endet bei diesem Standardfehler',
  'help-assess-simulate-max-items': '… oder nach so vielen Fragen',
  'help-model-eval-train': 'Trainingsdaten (im Format von ../shared/data/kt/README.md)',
  'help-model-eval-test': 'zurückgehaltene Testdaten; ohne sie Kreuzvalidierung innerhalb von --train',
  'help-model-eval-folds': 'Teile (Folds) der Kreuzvalidierung',
  'help-model-eval-split':
    'statt Folds eine einzige Aufteilung, die diesen Anteil der Lernenden zurückhält (z. B. 0.2)',
  'help-model-eval-epochs':
    'höchstens so viele Trainingsdurchläufe des tiefen Modells (0 lässt es weg: dann werden die einfachen Modelle allein gestapelt)',
  'help-model-eval-model':
    'das tiefe Modell: dkt (LSTM), dkt-history (LSTM, das Zählungen pro Fähigkeit liest), dkt-answer (dazu die andere Fähigkeit einer Antwort zu mehreren Fähigkeiten), sakt (Attention), akt (monotone Attention) oder dkvmn (Key-Value-Speicher); mehrere, durch Kommas getrennt, werden je bewertet und dann mit den einfachen Modellen zusammen gestapelt (der größte Stapel auch mit Boosted Trees); ein Eintrag kann eigene Einheiten, Köpfe und einen eigenen Seed setzen (akt:128x4@8), sodass ein Stapel zwei Größen oder Seeds eines Modells enthalten kann',
  'help-model-eval-hidden': 'Größe des Zustands des tiefen Modells (standardmäßig 64)',
  'help-model-eval-dropout': 'Dropout des tiefen Modells im Training (standardmäßig 0,2)',
  'help-model-eval-heads': 'Attention-Köpfe von sakt und akt (standardmäßig 2)',
  'help-model-eval-patience': 'Epochen ohne bessere Validierungs-AUC, bevor das tiefe Modell aufhört (standardmäßig 2)',
  'help-model-eval-seed': 'Seed der Folds und des Trainings des tiefen Modells: derselbe Seed, dieselben Zahlen',
  'help-model-eval-jobs':
    'wie viele Modelle gleichzeitig trainiert werden, jedes tiefe in einem eigenen Prozess (jedes kann bis zu 2 GB belegen)',
  'help-model-train-train': 'Antworten im Knowledge-Tracing-Format (../shared/data/kt/README.md)',
  'help-model-train-out': 'der zu schreibende Modellordner (model.json, weights.bin)',
  'help-model-train-skills':
    'die Fähigkeits-IDs des Pakets, eine pro Zeile: Zeile n (ab 0) benennt Fähigkeit Nummer n aus --train',
  'help-model-train-epochs': 'höchstens so viele Trainingsdurchläufe',
  'help-model-train-model':
    'dkt (LSTM), dkt-history (LSTM, das Zählungen pro Fähigkeit liest), sakt (Attention), akt (monotone Attention) oder dkvmn (Key-Value-Speicher)',
  'help-model-simulate-learners': 'simulierte Lernende pro Welt und Seed',
  'help-model-simulate-seed': 'erster Zufalls-Seed',
  'help-model-simulate-seeds': 'so viele Seeds ausführen (seed, seed + 1, …): über sie gehen die Konfidenzintervalle',
  'help-model-simulate-budget': 'Übungen, die ein Lernender machen darf, bevor es als nicht beherrscht zählt',
  'help-model-simulate-synthetic':
    'auch Kurse an die *.csv-Datensätze dort anpassen (jeder mit seiner _info.txt), wie in ../shared/data/kt/synthetic',
};
