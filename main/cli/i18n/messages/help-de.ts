import type { cliHelpEn } from './help-en.js';

/** German for every help text of the CLI (same keys; a test checks both). */
export const cliHelpDe: Record<keyof typeof cliHelpEn, string> = {
  'help-heading-usage': 'Aufruf:',
  'help-heading-options': 'Optionen:',
  'help-heading-commands': 'Befehle:',
  'help-heading-arguments': 'Argumente:',
  'help-heading-global-options': 'Globale Optionen:',
  'help-syntax-options': 'Optionen',
  'help-syntax-command': 'Befehl',
  'help-option-help': 'Hilfe zum Befehl anzeigen',
  'help-command-help': 'Hilfe zu einem Befehl anzeigen',
  'help-option-version': 'die Versionsnummer ausgeben',
  'help-extra-choices': 'Auswahl:',
  'help-extra-default': 'Standard:',
  'help-extra-preset': 'Vorgabe:',
  'help-extra-env': 'Umgebung:',
  'help-program': 'Lionagi Learn: Python und lionagi offline lernen',
  'help-option-data-dir': 'der Datenordner (Standard: $LIONLEARN_DATA_DIR, sonst der App-Datenordner des Systems)',
  'help-option-lang': 'die Sprache der Antworten: en oder de (Standard: die des Profils, sonst LC_ALL/LANG)',
  'help-serve': 'die App einem Browser auf diesem Computer bereitstellen (die Browser-Oberfläche)',
  'help-pack': 'Inhaltspakete bauen, signieren, prüfen, verifizieren und installieren',
  'help-trust': 'die Schlüssel, deren Pakete dieser Computer installiert',
  'help-admin': 'der Admin des Computers, der Pakete installiert und Profile entfernt',
  'help-sandbox': 'die lokalen Code-Sandboxes (Docker)',
  'help-doctor':
    'prüfen, was die App braucht (Datenbank, Pakete, Docker, Sandbox-Image), und sagen, wie sich Fehlendes beheben lässt',
  'help-model': 'die Wissensmodelle der adaptiven Engine',
  'help-notify': 'Nachrichten an die Posteingänge der Lernenden auf einem Klassenserver',
  'help-assess-calibrate':
    'die Fragensammlung neu schätzen (2PL, Marginal-Maximum-Likelihood) aus einer CSV- oder JSON-Datei mit Antworten, sonst aus den Quizantworten dieses Computers',
  'help-assess-simulate':
    'simulierte Lernende bekannter Fähigkeit: wie viele Fragen ein adaptiver Test gegenüber einer festen Form braucht, beim selben Standardfehler',
  'help-admin-status': 'ob ein Admin-Passwort gesetzt ist',
  'help-pack-keygen': 'ein ed25519-Schlüsselpaar zum Signieren von Paketen erzeugen',
  'help-pack-build': 'ein signiertes .lpack aus einem Paket-Quellordner bauen',
  'help-pack-verify': 'Signatur und Inhalt eines Pakets prüfen, ohne es zu installieren',
  'help-pack-list': 'die installierten Pakete und ihre Versionen auflisten',
  'help-pack-use': 'ein Paket auf eine andere installierte Version umstellen (zurück oder vor)',
  'help-pack-remove': 'ein Paket mit allen seinen Versionen entfernen',
  'help-pack-restore':
    'Admin: die mit der App gelieferte Version eines Pakets erneut installieren, an die App gebunden',
  'help-sandbox-build':
    'das Sandbox-Image einer Laufzeitumgebung aus Debian-Paketen bauen (debootstrap; als root ausführen)',
  'help-sandbox-load':
    'ein Laufzeit-Image aus einem `docker save`-Archiv laden (ein Admin kann es auch in den Datenordner legen)',
  'help-sandbox-status': 'die Engine, das Image und die Sandbox-Container der Apps auf diesem Computer',
  'help-sandbox-prune': 'die Sandbox-Container von Apps auf diesem Computer entfernen, die nicht mehr laufen',
  'help-admin-set-password':
    'das Admin-Passwort setzen (zweimal im Terminal abgefragt, oder LIONLEARN_NEW_ADMIN_PASSWORD); zum Ändern wird das bisherige verlangt (oder LIONLEARN_ADMIN_PASSWORD)',
  'help-pack-install':
    'ein signiertes Paket installieren oder aktualisieren (die vorige Version bleibt, bis die neue bereitsteht); bei einem Ordner jedes .lpack darin, mit Zusammenfassung',
  'help-pack-check':
    'Referenzlösung (muss bestehen) und Startcode (muss scheitern) jeder Übung und jeder Code-Quizfrage in der echten Sandbox ausführen und Lektionen und Aufgaben gegen die Regeln von AUTHORING.md prüfen',
  'help-model-eval':
    'jedes Modell auf einem Knowledge-Tracing-Datensatz bewerten (5-fach nach Lernenden, --split oder auf --test), im üblichen Protokoll (jede Zeile eine Antwort) und im leckfreien (eine Antwort zu mehreren Fähigkeiten ein Schritt)',
  'help-model-simulate':
    'simulierte Lernende: Übungen bis zur Beherrschung mit der adaptiven Regel, in Kursreihenfolge und in zufälliger Reihenfolge',
  'help-model-train':
    'das tiefe Modell mit den Antworten einer Klasse trainieren und einen Modellordner schreiben, den ein Inhaltspaket mitbringen kann',
  'help-option-json': 'als JSON ausgeben',
  'help-option-learner-answers': 'wessen Antworten das sind (Standard: das einzige Profil)',
  'help-option-learner-assessment': 'wessen Test (Standard: das einzige Profil)',
  'help-start': 'die Desktop-App öffnen; wo Electron nicht läuft, stattdessen die Browser-Oberfläche bereitstellen',
  'help-modules': 'die installierten Module auflisten',
  'help-lesson': 'eine Lektion als Markdown ausgeben',
  'help-search': 'Lektionen, Übungen und Quizze durchsuchen (nach BM25 gereiht)',
  'help-search-pack': 'nur dieses Paket',
  'help-search-module': 'nur dieses Modul (Paket-ID/Modul-ID)',
  'help-search-kind': 'lesson, exercise oder quiz',
  'help-search-difficulty': 'nur diese Schwierigkeit (1-5)',
  'help-search-limit': 'wie viele Treffer',
  'help-info': 'App-Version, Schema-Version und Datenordner anzeigen',
  'help-learner': 'Lernprofile auf diesem Computer: auflisten, anlegen, exportieren, importieren, entfernen',
  'help-learner-list': 'die Profile auf diesem Computer auflisten',
  'help-learner-create': 'ein Profil anlegen (mit --pin wird nach einer PIN gefragt oder LIONLEARN_PIN gelesen)',
  'help-learner-create-pin': 'das Profil mit einer PIN schützen',
  'help-learner-create-goal': 'Lernziele',
  'help-learner-export': 'das Profil und jedes Fortschrittsereignis in eine JSON-Lines-Datei schreiben',
  'help-learner-export-out': 'wohin schreiben (Standard: der Exportordner im Datenordner)',
  'help-learner-import':
    'ein Profil (oder seine neuen Ereignisse) aus einem Export hinzufügen; ein zweiter Import fügt nichts hinzu',
  'help-learner-remove': 'Admin: ein Profil exportieren, dann mit seinem Fortschritt entfernen',
  'help-learner-remove-confirm': 'der Profilname, noch einmal eingegeben',
  'help-progress': 'der Lernfortschritt',
  'help-progress-show': 'Abschluss, Beherrschung, Serie und Lernzeit',
  'help-progress-rebuild': 'jede Ansicht neu aus dem Ereignisprotokoll ableiten (alle Lernenden, in einer Transaktion)',
  'help-analytics':
    'Lernzeit, Aktivität pro Tag, Trefferquote und Beherrschung pro Fähigkeit, Tests, nach lokalen Tagen',
  'help-analytics-days': 'die letzten N Tage, heute eingeschlossen',
  'help-analytics-from': 'erster Tag (JJJJ-MM-TT), statt --days',
  'help-analytics-to': 'letzter Tag (JJJJ-MM-TT, Standard: heute)',
  'help-analytics-time-zone': 'eine IANA-Zeitzone (Standard: die dieses Computers)',
  'help-path': 'der Lernpfad zum Ziel, und was sich seit dem letzten Anzeigen geändert hat',
  'help-path-goal': 'eine Modul-ID, eine Fähigkeits-ID oder "all" (Standard: das Ziel des Profils)',
  'help-path-all': 'auch die schon erledigten Schritte auflisten',
  'help-quiz': 'das Quiz eines Moduls im Terminal machen (Antworten können zeilenweise hineingeleitet werden)',
  'help-quiz-missed': 'nur die zuletzt falsch beantworteten Fragen',
  'help-assess':
    'Tests: einen adaptiven Test machen, fortsetzen, seinen Bericht sehen; die Fragensammlung kalibrieren und simulieren',
  'help-assess-start':
    'einen adaptiven Test zu einem Paket oder Modul starten und hier machen (Antworten können zeilenweise hineingeleitet werden)',
  'help-assess-start-learner': 'wer ihn macht (Standard: das einzige Profil)',
  'help-assess-start-fixed': 'eine feste Form (für alle dieselben Fragen) statt eines adaptiven Tests',
  'help-assess-start-items': 'höchstens so viele Fragen (Standard: 20)',
  'help-assess-start-item': 'eine feste Form aus diesen Quizfragen, in dieser Reihenfolge (Auswahl der Lehrkraft)',
  'help-assess-start-form': 'ein Test, den das Paket mitbringt (seine Fragen und Zeitgrenze; TOPIC ist das Paket)',
  'help-assess-start-minutes': 'eine Zeitgrenze, die die App einhält',
  'help-assess-start-target-se': 'ein adaptiver Test endet bei diesem Standardfehler (Standard: 0,3)',
  'help-assess-resume': 'einen unfertigen Test fortsetzen (den einzigen oder den genannten)',
  'help-assess-report':
    'der Bericht eines Tests (standardmäßig des letzten beendeten); ein noch laufender wird abgegeben',
  'help-run':
    'eine Datei in der Sandbox ausführen und das Ergebnis als JSON ausgeben; mit --exercise die Tests der ' +
    'Übung dagegen (Exit-Code 1, wenn ein Test nicht besteht)',
  'help-run-file': 'das Programm (oder, mit --exercise, die Lösung)',
  'help-run-exercise': 'die Datei gegen diese Übung bewerten, wie die App es tut (nichts wird gespeichert)',
  'help-run-stdin': 'eine Datei, deren Text die Standardeingabe des Programms ist',
  'help-run-timeout': 'Zeitgrenze in Millisekunden (innerhalb der Admin-Höchstwerte)',
};
