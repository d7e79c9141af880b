import type { en } from './en.js';

/** German for every English message (same keys, same placeholders; a test checks both). */
export const de: Record<keyof typeof en, string> = {
  'unknown-method': 'Es gibt keine API-Methode „{{method}}“.',
  'input-invalid': '{{method}}: {{problem}}',
  'internal-error': 'In der App ist etwas schiefgegangen; Einzelheiten stehen im Protokoll.',
  'no-readable-result': 'Die App antwortete {{status}} ohne lesbares Ergebnis.',

  'profile-removed': 'Dieses Profil wurde entfernt.',
  'profile-unknown': 'Dieses Profil gibt es auf diesem Rechner nicht.',
  'profile-not-open': 'Dieses Profil ist hier nicht geöffnet: Wähle es erneut, um weiterzumachen.',
  'profile-needs-pin': 'Das Profil von {{name}} braucht seine PIN.',
  'profile-remove-confirm': 'Um dieses Profil zu entfernen, tippe seinen Namen genau so: „{{name}}“.',
  'pin-wrong': 'Diese PIN stimmt nicht.',
  'pin-wrong-locked': 'Diese PIN stimmt nicht, und das waren zu viele Versuche: Versuche es in {{seconds}} s erneut.',
  'pin-locked': 'Zu viele falsche PINs für {{name}}: Versuche es in {{seconds}} s erneut.',
  'admin-password-wrong': 'Dieses Admin-Passwort stimmt nicht.',
  'admin-password-wrong-locked':
    'Dieses Admin-Passwort stimmt nicht, und das waren zu viele Versuche: Versuche es in {{seconds}} s erneut.',
  'admin-password-locked': 'Zu viele falsche Admin-Passwörter: Versuche es in {{seconds}} s erneut.',
  'admin-password-unset': 'Auf diesem Rechner ist noch kein Admin-Passwort gesetzt: Setze zuerst eines.',
  'admin-password-set': 'Auf diesem Rechner ist ein Admin-Passwort gesetzt: Entsperre mit ihm.',
  'admin-required':
    'Das darf nur ein Admin dieses Rechners: Entsperre zuerst den Admin-Bereich (Einstellungen, oder das Admin-Passwort auf der Kommandozeile).',
  'admin-session-ended':
    'Die Admin-Sitzung ist abgelaufen. Das darf nur ein Admin dieses Rechners: Entsperre zuerst den Admin-Bereich (Einstellungen, oder das Admin-Passwort auf der Kommandozeile).',
  'profile-import-needs-pin': 'Das Profil von {{name}} hat eine PIN: Öffne es zuerst und importiere dann hinein.',
  'export-unwritable': 'Der Export {{file}} konnte nicht geschrieben werden: {{reason}}',
  'import-bad-line': '{{file}}, Zeile {{line}}: {{problem}}. Es wurde nichts importiert.',
  'import-unreadable': '{{file}} kann nicht gelesen werden: {{reason}}',
  'import-empty': '{{file}} ist leer: Es ist kein Lernenden-Export.',

  'module-unknown': 'Kein installiertes Modul „{{id}}“.',
  'exercise-unknown': 'Keine installierte Übung „{{id}}“.',
  'lesson-unknown': 'Keine installierte Lektion „{{id}}“.',
  'skill-unknown': 'Keine installierte Fähigkeit „{{id}}“.',
  'content-unknown': 'Nichts Installiertes hat die ID „{{id}}“.',
  'content-unknown-difficulty': 'Kein installierter Inhalt „{{id}}“.',
  'goal-unknown':
    'Kein installiertes Modul und keine Fähigkeit „{{goal}}“: Ein Ziel ist eine Modul-ID (etwa „python-foundations/functions“), eine Fähigkeits-ID oder „all“.',
  'topic-unknown': 'Kein installiertes Paket oder Modul „{{id}}“.',
  'pack-item-unknown': 'Version {{version}} von „{{pack}}“ hat keine Lektion oder Übung „{{item}}“.',

  'answer-broken-unicode': 'Die Antwort enthält ein kaputtes Unicode-Zeichen; tippe sie noch einmal.',
  'answer-control-characters': 'Die Antwort enthält Steuerzeichen; tippe sie als einfachen Text.',
  'answer-empty': 'Schreib zuerst eine Antwort.',
  'answer-choice-not-text':
    'Das ist eine Auswahlfrage: Antworte mit der Nummer einer Auswahl ({{first}} bis {{last}}), nicht mit Text.',
  'answer-choose-first': 'Wähle zuerst eine Antwort.',
  'answer-choose-one': 'Diese Frage hat eine richtige Antwort: Wähle eine Auswahl.',
  'answer-no-such-choice': 'Es gibt keine Auswahl {{choice}}: Wähle eine von {{first}} bis {{last}}.',
  'answer-choice-twice': 'Die Antwort nennt eine Auswahl zweimal.',
  'answer-not-finite': 'Die Antwort muss eine endliche Zahl sein.',
  'answer-number-not-choice': 'Diese Frage verlangt eine Zahl, keine Auswahl.',
  'answer-not-a-number': '„{{given}}“ ist keine Zahl: Schreib Ziffern, mit einem Punkt für Dezimalstellen (etwa 0.5).',
  'answer-number-too-large': 'Diese Zahl ist zu groß.',
  'answer-text-expected': 'Diese Frage verlangt eine kurze Textantwort.',
  'answer-too-long': 'Eine Antwort hat höchstens {{max}} Zeichen.',
  'code-answer-expected':
    'Das ist eine Code-Frage: Schick deinen Code als { code }, nicht als Auswahl, Zahl oder Text.',
  'code-empty': 'Schreib zuerst deinen Code.',
  'code-broken-unicode': 'Der Code enthält ein kaputtes Unicode-Zeichen; tippe ihn noch einmal.',
  'code-control-characters': 'Der Code enthält Steuerzeichen, die nicht zu Python-Code gehören; entferne sie.',
  'quiz-item-unknown': 'Das Quiz von „{{module}}“ hat keine Frage „{{item}}“.',
  'review-item-unknown': 'Die Fähigkeit „{{skill}}“ hat keine Quizfrage „{{item}}“.',
  'review-not-yet':
    '„{{title}}“ ist noch nicht in deinen Wiederholungen: Eine Fähigkeit kommt hinein, sobald du sie beherrschst.',
  'review-needs-answer':
    '„{{title}}“ hat Fragen zum Beantworten: Wiederhole sie mit einer Antwort (answerReview), nicht mit einer eigenen Bewertung.',
  'item-in-running-test':
    'Diese Frage gehört zu einem Test, den du noch nicht beendet hast; ihre Antwort steht im Bericht des Tests, wenn er endet.',

  'assessment-unknown': 'Diesen Test gibt es für dieses Profil nicht.',
  'assessment-form-or-items': 'Der Test eines Pakets hat eigene Fragen: Schick formId oder itemIds.',
  'assessment-form-unknown': '{{topic}} hat keinen Test „{{form}}“.',
  'assessment-item-twice': 'Der Test nennt eine Frage zweimal.',
  'assessment-items-unknown': '{{topic}} hat keine Quizfrage {{items}}.',
  'assessment-no-items': '{{topic}} hat keine Quizfragen für einen Test.',
  'assessment-time-up':
    'Die Zeit ist um: Der Test endete an seinem Zeitlimit, und diese Antwort wurde nicht gezählt. Sein Bericht ist fertig.',
  'assessment-ended': 'Dieser Test ist beendet; sein Bericht ist fertig.',
  'assessment-not-current':
    'Das ist nicht die Frage, die dieser Test gerade stellt: Öffne ihn erneut, um weiterzumachen.',
  'assessment-item-gone': 'Diese Frage ist nicht mehr installiert.',

  'end-precise': 'er dich genau genug gemessen hatte',
  'end-max-length': 'er seine Länge erreicht hatte',
  'end-all-asked': 'jede Frage gestellt war',
  'end-time-up': 'die Zeit abgelaufen war',
  'end-handed-in': 'du ihn abgegeben hast',
  'ability-well-above': 'weit über dem Durchschnitt',
  'ability-above': 'über dem Durchschnitt',
  'ability-average': 'etwa im Durchschnitt',
  'ability-below': 'unter dem Durchschnitt',
  'ability-well-below': 'weit unter dem Durchschnitt',

  'event-core-only':
    '{{type}} zeichnet die App selbst auf, wenn sie deine Arbeit prüft; eine Oberfläche darf nur {{allowed}} senden.',
  'event-invalid':
    'Fortschrittsereignis {{index}} von {{total}} ({{name}}) passt nicht zum Vertrag; nichts aus seinem Stapel wurde gespeichert. {{problem}}',
  'draft-invalid': 'Der Code wurde nicht gespeichert: {{problem}}',

  'runtime-unknown': 'Diese App hat keine Laufzeit „{{runtime}}“.',
  'run-id-taken': 'Ein Lauf mit dieser ID läuft noch.',
  'live-session-ended': 'Diese Live-Sitzung ist beendet.',
  'sandbox-gone': 'Diese Sandbox gibt es nicht mehr.',
  'sandbox-no-entry': 'Es gibt kein {{entry}} zum Ausführen.',
  'sandbox-image-loading': 'Das Sandbox-Image für {{runtime}} wird geladen…',
  'sandbox-ready': 'Bereit, Code auszuführen.',
  'sandbox-image-missing': 'Das Sandbox-Image für {{runtime}} ist noch nicht auf diesem Rechner.',
  'docker-not-answering': 'Docker antwortet nicht mehr; die App wartet kurz, bevor sie erneut fragt.',
  'docker-missing':
    'Docker, das Code sicher ausführt, ist auf diesem Computer nicht installiert, deshalb kann hier noch kein Code laufen.',
  'docker-stopped': 'Docker ist installiert, läuft aber nicht, deshalb kann kein Code laufen.',
  'docker-forbidden': 'Dieser Benutzer darf Docker nicht verwenden.',
  'docker-failed': 'Docker ist fehlgeschlagen: {{reason}}',
  'code-cannot-run': '{{problem}} {{help}}',
  'while-code-cannot-run':
    'Inzwischen kannst du Lektionen lesen, Quizze machen und hier deinen Code schreiben; er bleibt erhalten und läuft, sobald das behoben ist. Wer diesen Computer betreut (sein Admin), kann es beheben: `lionlearn doctor` zeigt, wie.',
  'run-timed-out':
    'Es war nicht innerhalb von {{seconds}} s fertig und wurde deshalb gestoppt: Gibt es eine Schleife, die nie endet, oder wartet ein input()?',
  'run-out-of-memory':
    'Es hat mehr Speicher gebraucht, als die Sandbox erlaubt, und wurde deshalb gestoppt: Wächst eine Liste oder ein String endlos?',
  'run-truncated':
    'Es hat mehr ausgegeben, als die Sandbox aufbewahrt ({{kilobytes}} KB), und wurde deshalb gestoppt: Steht ein print in einer Schleife, die zu oft läuft?',
  'run-crashed':
    'Python selbst ist abgestürzt ({{signal}}). Das passiert mit ctypes, mit sehr tiefer Rekursion an Pythons Schutz vorbei oder mit einem Modul, das Speicher falsch benutzt; es ist kein normaler Python-Fehler.',
  'run-ended-early':
    'Der Code hat Python beendet (Exit-Code {{code}}), während die Tests liefen, deshalb konnten sie nicht fertig werden: Entferne den Aufruf von exit() oder os._exit().',
  'run-tampered':
    'Der Code hat die Testmaschinerie verändert ({{what}}), deshalb können die Tests ihn nicht beurteilen. Löse die Übung, ohne unittest, die Tests oder Pythons eingebaute Funktionen anzufassen.',
  'run-no-report':
    'Die Sandbox hat angehalten, bevor sie berichten konnte; versuche es erneut, und führe `lionlearn doctor` aus, wenn es wieder passiert.',
  'signal-4': 'ein ungültiger Maschinenbefehl',
  'signal-6': 'es hat abgebrochen',
  'signal-7': 'ein Busfehler',
  'signal-8': 'ein Rechenfehler',
  'signal-9': 'es wurde beendet, meist weil es mehr Speicher brauchte, als die Sandbox erlaubt',
  'signal-11': 'ein Speicherzugriffsfehler: Speicher, den es nicht anfassen darf',
  'signal-24': 'es hat mehr CPU-Zeit gebraucht als erlaubt',
  'signal-25': 'es hat eine Datei geschrieben, die größer ist als erlaubt',
  'signal-other': 'Signal {{signal}}',

  'why-untried':
    'Als Nächstes im Kurs: Du hast {{topic}} noch nicht geübt, und diese Übung hat Schwierigkeit {{difficulty}} von 5.',
  'this-topic': 'dieses Thema',
  'why-missed':
    'Du hast {{missed}} von {{attempts}} bei {{topic}} verpasst; diese Übung ist gut erreichbar (etwa {{percent}} % Chance, dass sie gelingt).',
  'why-stretch':
    'Du hast {{correct}} von {{attempts}} bei {{topic}} richtig; diese Übung fordert dich gut (etwa {{percent}} % Chance, dass sie gelingt).',
  'why-read-first': 'Lies zuerst „{{title}}“: Die nächsten Übungen bauen darauf auf.',
  'path-done': 'Erledigt.',
  'path-done-mastered': 'Erledigt: Du beherrschst {{skills}}.',
  'path-waits': 'Wartet auf {{items}}.',
  'quoted-title': '„{{title}}“',
  'the-module': 'das Modul „{{title}}“',
  'and-more': '{{count}} weitere',
  'path-worth-reading': 'Lesenswert: Du hast bisher {{missed}} von {{attempts}} bei {{topic}} verpasst.',
  'path-practise-missed': 'Üben: Du hast bisher {{missed}} von {{attempts}} bei {{topic}} verpasst.',
  'path-practise-missed-chance':
    'Üben: Du hast bisher {{missed}} von {{attempts}} bei {{topic}} verpasst (etwa {{percent}} % Chance, dass es gelingt).',
  'path-ready-read': 'Bereit zum Lesen.',
  'path-ready-practise': 'Bereit zum Üben.',
  'path-ready-practise-chance': 'Bereit zum Üben (etwa {{percent}} % Chance, dass es gelingt).',
  'path-ready-teaches': 'Bereit: Sie lehrt {{skills}}.',
  'path-ready-practises': 'Bereit: Sie übt {{skills}}.',
  'path-ready-practises-chance': 'Bereit: Sie übt {{skills}} (etwa {{percent}} % Chance, dass es gelingt).',
  'path-empty': 'Für dieses Ziel ist noch nichts installiert: Importiere ein Inhaltspaket, um einen Pfad zu bekommen.',
  'path-left_one': 'Noch {{count}} Schritt bis {{goal}}; als Nächstes: „{{next}}“.',
  'path-left_other': 'Noch {{count}} Schritte bis {{goal}}; als Nächstes: „{{next}}“.',
  'path-all-done': 'Alles für {{goal}} ist erledigt.',
  'path-new_one': 'Ein neuer Pfad: noch {{count}} Schritt.',
  'path-new_other': 'Ein neuer Pfad: noch {{count}} Schritte.',
  'path-since': 'Seit dem letzten Mal: {{changes}}.',
  'path-unchanged': 'Seit dem letzten Mal hat sich nichts geändert.',
  'steps-done_one': '{{count}} Schritt erledigt',
  'steps-done_other': '{{count}} Schritte erledigt',
  'steps-added_one': '{{count}} Schritt hinzugekommen',
  'steps-added_other': '{{count}} Schritte hinzugekommen',
  'steps-removed_one': '{{count}} Schritt nicht mehr nötig',
  'steps-removed_other': '{{count}} Schritte nicht mehr nötig',
  'steps-moved_one': '{{count}} Schritt verschoben',
  'steps-moved_other': '{{count}} Schritte verschoben',

  'target-band': 'deinem Ziel von {{low}}–{{high}} %',
  'got-answers_one': 'Du hattest {{correct}} von deiner letzten {{count}} Antwort richtig ({{percent}} %)',
  'got-answers_other': 'Du hattest {{correct}} von deinen letzten {{count}} Antworten richtig ({{percent}} %)',
  'difficulty-start':
    'Noch keine Antworten: Beginne bei Schwierigkeit {{level}} von 5, wo Neue etwa {{percent}} % richtig haben.',
  'difficulty-too-few':
    '{{got}}: zu wenige, um zu urteilen, also bleib bei Schwierigkeit {{level}} von 5, bis es {{min}} sind.',
  'difficulty-easier':
    '{{got}}, unter {{target}}: Leichtere Übungen (Schwierigkeit {{level}} von 5) bringen dich wieder auf Kurs.',
  'difficulty-easiest':
    '{{got}}, unter {{target}}: Bleib auf der leichtesten Stufe und lies die Lektion noch einmal vor dem nächsten Versuch.',
  'difficulty-harder':
    '{{got}}, über {{target}}: Schwerere Übungen (Schwierigkeit {{level}} von 5) bringen dir mehr bei.',
  'difficulty-hardest': '{{got}}, über {{target}}, schon auf der schwersten Stufe: Nimm dir ein neues Modul vor.',
  'difficulty-inside': '{{got}}, passend zu {{target}}: Bleib bei Schwierigkeit {{level}} von 5.',

  'struggle-first_one': '{{failed}} von deinem letzten {{count}} Versuch bei {{topic}}',
  'struggle-first_other': '{{failed}} von deinen letzten {{count}} Versuchen bei {{topic}}',
  'struggle-more': '{{failed}} von {{attempts}} bei {{topic}}',
  'struggle-one':
    'Du hast {{misses}} verpasst: Die Lektion vor dem nächsten Versuch noch einmal zu lesen, kann helfen.',
  'struggle-several':
    'Du hast {{misses}} verpasst: Diese Lektionen vor dem nächsten Versuch noch einmal zu lesen, kann helfen.',
  'struggle-none': 'Keine Fähigkeit fällt in deinen letzten Antworten als schwierig auf.',
  guessing_one:
    '{{count}} falsche Antwort von {{wrong}} kam innerhalb von Sekunden: Langsamer die Frage zu lesen, lohnt sich.',
  guessing_other:
    '{{count}} falsche Antworten von {{wrong}} kamen innerhalb von Sekunden: Langsamer die Frage zu lesen, lohnt sich.',
  'guessing-none': 'Deine falschen Antworten wirken nicht überhastet.',
  'hints-no-submissions': 'Noch keine abgegebenen Übungen, also nichts über Hinweise zu sagen.',
  'hints-dependent_one':
    '{{withHints}} von deiner letzten {{count}} Abgabe nutzte Hinweise ({{percent}} %): Versuch die nächste zuerst allein.',
  'hints-dependent_other':
    '{{withHints}} von deinen letzten {{count}} Abgaben nutzten Hinweise ({{percent}} %): Versuch die nächste zuerst allein.',
  'hints-independent_one':
    'Du hast bei {{withHints}} von deiner letzten {{count}} Abgabe Hinweise genutzt: Du erarbeitest dir das meiste selbst.',
  'hints-independent_other':
    'Du hast bei {{withHints}} von deinen letzten {{count}} Abgaben Hinweise genutzt: Du erarbeitest dir das meiste selbst.',
  'activity-none': 'Noch keine Aktivität aufgezeichnet.',
  'part-morning': 'morgens',
  'part-afternoon': 'nachmittags',
  'part-evening': 'abends',
  'part-night': 'nachts',
  'practise-most': 'Du übst am meisten {{part}}; zu anderen Zeiten gibt es noch nicht genug Antworten zum Vergleich.',
  'practise-most-best': 'Du übst am meisten {{part}}, und dann gelingt es dir auch am besten ({{percent}} % richtig).',
  'practise-most-but':
    'Du übst am meisten {{part}}, aber am besten gelingt es dir {{best}} ({{percent}} % richtig dann, {{overall}} % insgesamt).',
  days_one: '{{count}} Tag',
  days_other: '{{count}} Tage',
  'streak-current': 'Du hast {{days}} hintereinander geübt (deine längste Serie: {{longest}}).',
  'streak-ended': 'Deine Serie ist vorbei; deine längste war {{longest}}. Eine Übungsrunde heute beginnt eine neue.',
  'streak-none': 'Noch keine Serie: Übe an zwei Tagen hintereinander, um eine zu beginnen.',
  'pattern-too-few_one':
    'Noch zu wenig Übung, um Muster zu sehen: bisher {{count}} Antwort. Ein paar weitere Quizantworten oder abgegebene Übungen verraten mehr.',
  'pattern-too-few_other':
    'Noch zu wenig Übung, um Muster zu sehen: bisher {{count}} Antworten. Ein paar weitere Quizantworten oder abgegebene Übungen verraten mehr.',
  'pattern-fine': 'Keine bedenklichen Muster: Mach weiter so.',
  'sentences-2': '{{first}} {{second}}',
  'sentences-3': '{{first}} {{second}} {{third}}',

  'alert-reviews-due': '{{count}} Erinnerungen zum Wiederholen',
  'alert-class-messages': '{{count}} Nachrichten aus deiner Klasse',
  'alert-announcements': '{{count}} Ankündigungen',
  'alert-new-assignments': '{{count}} neue Aufgaben',
  'alert-assignments-due': '{{count}} Aufgaben bald fällig',
  'alert-struggling-learners': '{{count}} Lernende brauchen vielleicht Hilfe',
  'alert-course-updates': '{{count}} Kurs-Aktualisierungen',
  'alert-notifications': '{{count}} neue Benachrichtigungen',
  'alert-titles-2': '{{a}}; {{b}}',
  'alert-titles-3': '{{a}}; {{b}}; {{c}}',
  'alert-titles-more': '{{a}}; {{b}}; {{c}} und {{count}} weitere',

  'class-server-unreadable': 'Der Klassenserver hat eine Antwort gegeben, die diese App nicht versteht.',
  'class-server-unreachable': 'Der Klassenserver unter {{url}} ist nicht erreichbar: {{reason}}.',
  'class-not-listed': 'Der Klassenserver hat die Klasse, die er angelegt hat, nicht aufgeführt.',
  'join-code-shape':
    'Ein Beitrittscode hat {{length}} Buchstaben und Ziffern, etwa ABCD-2345; prüfe ihn mit deiner Lehrkraft.',
  'class-sign-in-first': 'Melde dich zuerst bei deinem Klassenserver an: Einstellungen, Synchronisation.',
  'sign-in-wrong': 'Diese E-Mail-Adresse und dieses Passwort passen zu keinem Konto auf diesem Server.',
  'sign-in-rate-limited': 'Zu viele Anmeldeversuche: Warte eine Minute und versuche es erneut.',
  'send-learner-refused':
    'Nur Lehrkräfte und Admins senden Nachrichten: Dieses Profil ist bei {{server}} als Lernende:r angemeldet.',
  'sign-in-expired':
    'Der Klassenserver nimmt deine Anmeldung nicht mehr an: Melde dich in Einstellungen, Synchronisation neu an.',
  'folder-unreadable': 'Der Ordner {{folder}} kann nicht gelesen werden: {{reason}}.',

  'notice-reviews-due_one': '{{count}} Wiederholung fällig',
  'notice-reviews-due_other': '{{count}} Wiederholungen fällig',
  'notice-reviews-due-body': 'Ein paar Minuten Wiederholung heute halten fest, was du gelernt hast.',
  'notice-streak_one': 'Deine Serie von {{count}} Tag endet um Mitternacht',
  'notice-streak_other': 'Deine Serie von {{count}} Tagen endet um Mitternacht',
  'notice-streak-body': 'Eine Lektion oder Übung heute hält sie am Leben.',
  'notice-daily-goal': 'Tagesziel erreicht',
  'notice-daily-goal-body': 'Du hast heute {{minutes}} Minuten geübt. Gut gemacht.',
  'notice-sandbox-ready': 'Code-Übungen sind bereit',
  'notice-sandbox-ready-body': 'Die Sandbox für {{runtime}} ist fertig geladen: Übungen laufen jetzt.',
  'notice-pack-updated': 'Kurs aktualisiert: {{pack}} {{version}}',
  'notice-pack-updated-body': 'Version {{version}} hat {{previous}} ersetzt; dein Fortschritt bleibt.',
  'notice-pack-new': 'Neuer Kurs: {{pack}}',
  'notice-pack-new-body': 'Version {{version}} ist installiert.',
  'notice-pack-available': 'Eine neue Version von {{pack}} ist verfügbar',
  'notice-pack-available-body':
    'Version {{version}} liegt auf dem Klassenserver; dieser Rechner hat {{installed}}. Sie wird von selbst installiert, sobald es geht; die Einstellungen zeigen, warum noch nicht.',
  'publish-not-admin':
    'Nur ein Admin-Konto des Klassenservers veröffentlicht Pakete: Dieses Profil ist bei {{server}} als {{role}} angemeldet.',
  'publish-refused': '{{server}} hat es nicht veröffentlicht: {{reason}}',
  'notice-assignment-due': 'Bald fällig: {{title}}',
  'notice-assignment-due-body': 'Fällig am {{dueAt}}.',

  // Titel, die der Kern um die Worte der Inhalte baut (der Titel des Pakets bleibt, wie das Paket ihn schrieb)
  'assessment-title-adaptive': '{{topic}}: adaptiver Test',
  'assessment-title-fixed': '{{topic}}: Test',
  'assessment-title-form': '{{topic}}: {{form}}',
  'quiz-step-title': '{{module}}: Quiz',

  // Was die Werkzeuge des Admins taten, wie die CLI es ausgibt und die App es zeigt
  'pack-restored':
    '{{packId}} {{version}} wie mit der App ausgeliefert wiederhergestellt und wieder an die App gebunden ({{before}}).',
  'restored-was-not-installed': 'es war nicht installiert',
  'restored-was-in-use': 'Version {{previousVersion}} war in Gebrauch',
  'restored-was-pinned': 'es war an den Schlüssel {{previousKey}} gebunden',
  'pack-published':
    '{{packId}} {{version}} veröffentlicht (Schlüssel {{keyId}}, SHA-256 {{sha256}}…): Apps, die bei {{server}} angemeldet sind, holen es.',
  'pack-published-already':
    '{{packId}} {{version}} wurde mit genau diesen Bytes schon veröffentlicht; nichts hat sich geändert.',
  'folder-install-summary':
    '{{installed}} installiert, {{upgraded}} aktualisiert, {{skipped}} übersprungen, {{refused}} abgelehnt',
  'folder-detail-already-installed': 'schon installiert',
  'folder-detail-was': 'vorher {{previous}}',
  'trust-key-not-pem': 'Das ist kein öffentlicher ed25519-Schlüssel im PEM-Format (pack-signing.pub).',
  'trust-key-shipped': 'Der Schlüssel {{keyId}} kommt mit der App und bleibt vertrauenswürdig.',
  'trust-key-unknown': 'Kein vertrauenswürdiger Schlüssel {{keyId}}.',
  'pack-version-not-installed': 'Version {{version}} des Pakets „{{packId}}“ ist nicht installiert.',
  'pack-not-installed': 'Kein installiertes Paket „{{packId}}“.',
  'pack-exercise-unknown': 'Keine Übung „{{exerciseId}}“ in {{packId}} {{version}}.',
  'pack-needs-newer-app':
    'Das Paket „{{packId}}“ {{version}} braucht die App in Version {{minAppVersion}} oder neuer (diese ist {{appVersion}}).',
  'pack-older':
    'Das Paket „{{packId}}“ {{version}} ist älter als das installierte {{previous}}; erlaube ein Downgrade, um es zu installieren.',
  'signing-key': 'Schlüssel {{keyId}}',
  'signing-key-labelled': 'Schlüssel {{keyId}} ({{label}})',
  'pack-signer-not-app':
    'Das Paket „{{packId}}“ kommt mit der App und ist an sie gebunden, aber diese Datei ist mit {{signer}} signiert. Nichts wurde installiert. Hat das Paket wirklich den Besitzer gewechselt, kann ein Admin den Schlüssel ersetzen (lionlearn pack install --replace-key).',
  'pack-signer-not-pinned':
    'Das Paket „{{packId}}“ ist an {{pinned}} gebunden, aber diese Datei ist mit {{signer}} signiert. Nichts wurde installiert. Hat das Paket wirklich den Besitzer gewechselt, kann ein Admin den Schlüssel ersetzen (lionlearn pack install --replace-key).',
  'pack-not-shipped': 'Kein Paket „{{packId}}“ kommt mit dieser App.',
  'calibration-no-answers': 'Es gibt noch keine Quizantworten, aus denen kalibriert werden könnte.',
  'calibration-unknown-items_one':
    '{{count}} Frage in den Antworten ist keine installierte Quizfrage ({{items}}): Nichts wurde kalibriert.',
  'calibration-unknown-items_other':
    '{{count}} Fragen in den Antworten sind keine installierten Quizfragen ({{items}}): Nichts wurde kalibriert.',
  'roster-sign-in-refused': 'Der Klassenserver hat die Anmeldung des Admins abgelehnt: {{reason}}',
  'roster-not-admin': '{{email}} ist kein Admin auf {{server}}; nichts wurde angelegt.',
};
