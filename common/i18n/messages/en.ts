/**
 * What the core says to a learner, in English: the source every other language translates. Keys are
 * stable codes (renaming one orphans its translations; reword the text instead). `{{name}}` is a value
 * the core fills in; `_one` / `_other` are i18next's plural forms, chosen by `{{count}}`. A third
 * language copies this file (see README, "Languages").
 */
export const en = {
  // The transport itself
  'unknown-method': 'No API method named "{{method}}".',
  'input-invalid': '{{method}}: {{problem}}',
  'internal-error': 'Something went wrong inside the app; the log has details.',
  'no-readable-result': 'The app answered {{status}} without a readable result.',

  // Profiles, PINs and the admin
  'profile-removed': 'This profile was removed.',
  'profile-unknown': 'No such profile on this machine.',
  'profile-not-open': 'This profile is not open here: pick it again to go on.',
  'profile-needs-pin': "{{name}}'s profile needs its PIN.",
  'profile-remove-confirm': 'To remove this profile, type its name exactly: "{{name}}".',
  'pin-wrong': 'That PIN is not right.',
  'pin-wrong-locked': 'That PIN is not right, and that was too many: try again in {{seconds}} s.',
  'pin-locked': 'Too many wrong PINs for {{name}}: try again in {{seconds}} s.',
  'admin-password-wrong': 'That admin password is not right.',
  'admin-password-wrong-locked': 'That admin password is not right, and that was too many: try again in {{seconds}} s.',
  'admin-password-locked': 'Too many wrong admin passwords: try again in {{seconds}} s.',
  'admin-password-unset': 'No admin password is set on this machine yet: set one first.',
  'admin-password-set': 'An admin password is set on this machine: unlock with it.',
  'admin-required':
    'Only a machine admin can do this: unlock admin (Settings, or the admin password on the command line) first.',
  'admin-session-ended':
    'The admin session has ended. Only a machine admin can do this: unlock admin (Settings, or the admin password on the command line) first.',
  'profile-import-needs-pin': "{{name}}'s profile has a PIN: open it first, then import into it.",
  'export-unwritable': 'Could not write the export {{file}}: {{reason}}',
  'import-bad-line': '{{file}}, line {{line}}: {{problem}}. Nothing was imported.',
  'import-unreadable': 'Cannot read {{file}}: {{reason}}',
  'import-empty': '{{file}} is empty: it is not a learner export.',

  // Content
  'module-unknown': 'No installed module "{{id}}".',
  'exercise-unknown': 'No installed exercise "{{id}}".',
  'lesson-unknown': 'No installed lesson "{{id}}".',
  'skill-unknown': 'No installed skill "{{id}}".',
  'content-unknown': 'Nothing installed has the id "{{id}}".',
  'content-unknown-difficulty': 'No installed content "{{id}}".',
  'goal-unknown':
    'No installed module or skill "{{goal}}": a goal is a module id (like "python-foundations/functions"), a skill id, or "all".',
  'topic-unknown': 'No installed pack or module "{{id}}".',
  'pack-item-unknown': 'Version {{version}} of "{{pack}}" has no lesson or exercise "{{item}}".',

  // Answers to quiz, review and test questions
  'answer-broken-unicode': 'The answer holds a broken Unicode character; type it again.',
  'answer-control-characters': 'The answer holds control characters; type it as plain text.',
  'answer-empty': 'Write an answer first.',
  'answer-choice-not-text':
    'This is a choice question: answer with the number of a choice ({{first}} to {{last}}), not text.',
  'answer-choose-first': 'Choose an answer first.',
  'answer-choose-one': 'This question has one right answer: choose one choice.',
  'answer-no-such-choice': 'There is no choice {{choice}}: choose one of {{first}} to {{last}}.',
  'answer-choice-twice': 'The answer names a choice twice.',
  'answer-not-finite': 'The answer must be a finite number.',
  'answer-number-not-choice': 'This question asks for a number, not a choice.',
  'answer-not-a-number': '“{{given}}” is not a number: write digits, with a dot for decimals (like 0.5).',
  'answer-number-too-large': 'That number is too large.',
  'answer-text-expected': 'This question asks for a short text answer.',
  'answer-too-long': 'An answer is at most {{max}} characters.',
  'code-answer-expected': 'This is a code question: send your code as { code }, not a choice, a number or text.',
  'code-empty': 'Write your code first.',
  'code-broken-unicode': 'The code holds a broken Unicode character; type it again.',
  'code-control-characters': 'The code holds control characters that are not part of Python code; remove them.',
  'quiz-item-unknown': 'The quiz of "{{module}}" has no item "{{item}}".',
  'review-item-unknown': 'The skill "{{skill}}" has no quiz item "{{item}}".',
  'review-not-yet': '“{{title}}” is not in your reviews yet: a skill enters them once mastered.',
  'review-needs-answer':
    '“{{title}}” has questions to answer: review it with one (answerReview), not a rating of your own.',
  'item-in-running-test':
    'This question is part of a test you have not finished; its answer shows in the test’s report when it ends.',

  // Tests (assessments)
  'assessment-unknown': 'No such assessment for this profile.',
  'assessment-form-or-items': 'A pack’s test has its own items: send formId or itemIds.',
  'assessment-form-unknown': '{{topic}} has no test "{{form}}".',
  'assessment-item-twice': 'The form names an item twice.',
  'assessment-items-unknown': '{{topic}} has no quiz item {{items}}.',
  'assessment-no-items': '{{topic}} has no quiz items to assess.',
  'assessment-time-up':
    'Time is up: the assessment ended at its time limit and this answer was not counted. Its report is ready.',
  'assessment-ended': 'This assessment has ended; its report is ready.',
  'assessment-not-current': 'That is not the question this assessment asks now: open it again to go on.',
  'assessment-item-gone': 'This question is no longer installed.',

  'end-precise': 'it had measured you precisely enough',
  'end-max-length': 'it reached its length',
  'end-all-asked': 'every item was asked',
  'end-time-up': 'time ran out',
  'end-handed-in': 'you handed it in',
  'ability-well-above': 'well above average',
  'ability-above': 'above average',
  'ability-average': 'about average',
  'ability-below': 'below average',
  'ability-well-below': 'well below average',

  // Progress and drafts
  'event-core-only':
    '{{type}} is recorded by the app itself when it checks your work; a face may post only {{allowed}}.',
  'event-invalid':
    'Progress event {{index}} of {{total}} ({{name}}) does not match the contract; nothing of its batch was stored. {{problem}}',
  'draft-invalid': 'The code was not saved: {{problem}}',

  // Running code
  'runtime-unknown': 'This app has no "{{runtime}}" runtime.',
  'run-id-taken': 'A run with this id is still going.',
  'live-session-ended': 'This live session has ended.',
  'sandbox-gone': 'This sandbox is gone.',
  'sandbox-no-entry': 'There is no {{entry}} to run.',
  'sandbox-image-loading': 'Loading the {{runtime}} sandbox image…',
  'sandbox-ready': 'Ready to run code.',
  'sandbox-image-missing': 'The {{runtime}} sandbox image is not on this machine yet.',
  'docker-not-answering': 'Docker stopped answering; the app waits a little before asking again.',
  'docker-missing': 'Docker, which runs code safely, is not installed on this computer, so code cannot run here yet.',
  'docker-stopped': 'Docker is installed but not running, so code cannot run.',
  'docker-forbidden': 'This user may not use Docker.',
  'docker-failed': 'Docker failed: {{reason}}',
  'code-cannot-run': '{{problem}} {{help}}',
  'while-code-cannot-run':
    'Meanwhile you can read lessons, take quizzes and write your code here; it is kept and runs once this is fixed. Whoever looks after this computer (its admin) can fix it: `lionlearn doctor` shows them how.',
  'run-timed-out':
    'It did not finish within {{seconds}} s, so it was stopped: is there a loop that never ends, or an input() waiting?',
  'run-out-of-memory':
    'It used more memory than the sandbox allows, so it was stopped: is a list or string growing forever?',
  'run-truncated':
    'It printed more than the sandbox keeps ({{kilobytes}} KB), so it was stopped: is a print inside a loop that runs too often?',
  'run-crashed':
    'Python itself crashed ({{signal}}). This happens with ctypes, very deep recursion past Python’s guard, or a module that misuses memory; it is not a normal Python error.',
  'run-ended-early':
    'The code ended Python (exit code {{code}}) while the tests were running, so they could not finish: remove the exit() or os._exit() call.',
  'run-tampered':
    'The code changed the testing machinery ({{what}}), so the tests cannot judge it. Solve the exercise without touching unittest, the tests or Python’s built-ins.',
  'run-no-report': 'The sandbox stopped before it could report; try again, and run `lionlearn doctor` if it repeats.',
  'signal-4': 'an illegal instruction',
  'signal-6': 'it aborted',
  'signal-7': 'a bus error',
  'signal-8': 'an arithmetic fault',
  'signal-9': 'it was killed, most often for using more memory than the sandbox allows',
  'signal-11': 'a segmentation fault: memory it may not touch',
  'signal-24': 'it used more CPU time than allowed',
  'signal-25': 'it wrote a file larger than allowed',
  'signal-other': 'signal {{signal}}',

  // Why this step: recommendations and the learning path
  'why-untried':
    'Next in the course: you have not practised {{topic}} yet, and this one is difficulty {{difficulty}} of 5.',
  'this-topic': 'this topic',
  'why-missed':
    'You missed {{missed}} of {{attempts}} on {{topic}}; this one is pitched within reach (about {{percent}}% likely to go right).',
  'why-stretch':
    'You got {{correct}} of {{attempts}} right on {{topic}}; this one is a good stretch (about {{percent}}% likely to go right).',
  'why-read-first': 'Read “{{title}}” first: the next exercises build on it.',
  'path-done': 'Done.',
  'path-done-mastered': 'Done: you have mastered {{skills}}.',
  'path-waits': 'Waits for {{items}}.',
  'quoted-title': '“{{title}}”',
  'the-module': 'the module “{{title}}”',
  'and-more': '{{count}} more',
  'path-worth-reading': 'Worth reading: you missed {{missed}} of {{attempts}} on {{topic}} so far.',
  'path-practise-missed': 'Practise: you missed {{missed}} of {{attempts}} on {{topic}} so far.',
  'path-practise-missed-chance':
    'Practise: you missed {{missed}} of {{attempts}} on {{topic}} so far (about {{percent}}% likely to go right).',
  'path-ready-read': 'Ready to read.',
  'path-ready-practise': 'Ready to practise.',
  'path-ready-practise-chance': 'Ready to practise (about {{percent}}% likely to go right).',
  'path-ready-teaches': 'Ready: it teaches {{skills}}.',
  'path-ready-practises': 'Ready: practises {{skills}}.',
  'path-ready-practises-chance': 'Ready: practises {{skills}} (about {{percent}}% likely to go right).',
  'path-empty': 'Nothing is installed for this goal yet: import a content pack to get a path.',
  'path-left_one': '{{count}} step left toward {{goal}}; next: “{{next}}”.',
  'path-left_other': '{{count}} steps left toward {{goal}}; next: “{{next}}”.',
  'path-all-done': 'Everything toward {{goal}} is done.',
  'path-new_one': 'A new path: {{count}} step to go.',
  'path-new_other': 'A new path: {{count}} steps to go.',
  'path-since': 'Since last time: {{changes}}.',
  'path-unchanged': 'Nothing changed since last time.',
  'steps-done_one': '{{count}} step done',
  'steps-done_other': '{{count}} steps done',
  'steps-added_one': '{{count}} step added',
  'steps-added_other': '{{count}} steps added',
  'steps-removed_one': '{{count}} step no longer needed',
  'steps-removed_other': '{{count}} steps no longer needed',
  'steps-moved_one': '{{count}} step moved',
  'steps-moved_other': '{{count}} steps moved',

  'target-band': 'your target of {{low}}–{{high}}%',
  'got-answers_one': 'You got {{correct}} of your last {{count}} answer right ({{percent}}%)',
  'got-answers_other': 'You got {{correct}} of your last {{count}} answers right ({{percent}}%)',
  'difficulty-start':
    'No answers yet: start at difficulty {{level}} of 5, where a newcomer gets about {{percent}}% right.',
  'difficulty-too-few': '{{got}}: too few to judge, so stay at difficulty {{level}} of 5 until there are {{min}}.',
  'difficulty-easier':
    '{{got}}, below {{target}}: easier exercises (difficulty {{level}} of 5) will get you back on track.',
  'difficulty-easiest':
    '{{got}}, below {{target}}: stay at the easiest level and read the lesson again before the next try.',
  'difficulty-harder': '{{got}}, above {{target}}: harder exercises (difficulty {{level}} of 5) will teach you more.',
  'difficulty-hardest': '{{got}}, above {{target}}, at the hardest level already: take on a new module.',
  'difficulty-inside': '{{got}}, inside {{target}}: stay at difficulty {{level}} of 5.',

  // Learning patterns
  'struggle-first_one': '{{failed}} of your last {{count}} try on {{topic}}',
  'struggle-first_other': '{{failed}} of your last {{count}} tries on {{topic}}',
  'struggle-more': '{{failed}} of {{attempts}} on {{topic}}',
  'struggle-one': 'You missed {{misses}}: reading that lesson again before the next try may help.',
  'struggle-several': 'You missed {{misses}}: reading those lessons again before the next try may help.',
  'struggle-none': 'No skill stands out as a struggle in your recent answers.',
  guessing_one: '{{count}} wrong answer of {{wrong}} came within seconds: slowing down to read the question pays off.',
  guessing_other:
    '{{count}} wrong answers of {{wrong}} came within seconds: slowing down to read the question pays off.',
  'guessing-none': 'Your wrong answers do not look rushed.',
  'hints-no-submissions': 'No exercise submissions yet, so nothing to say about hints.',
  'hints-dependent_one':
    '{{withHints}} of your last {{count}} submission used hints ({{percent}}%): try the next one on your own first.',
  'hints-dependent_other':
    '{{withHints}} of your last {{count}} submissions used hints ({{percent}}%): try the next one on your own first.',
  'hints-independent_one':
    'You used hints in {{withHints}} of your last {{count}} submission: you mostly work things out yourself.',
  'hints-independent_other':
    'You used hints in {{withHints}} of your last {{count}} submissions: you mostly work things out yourself.',
  'activity-none': 'No activity recorded yet.',
  'part-morning': 'in the morning',
  'part-afternoon': 'in the afternoon',
  'part-evening': 'in the evening',
  'part-night': 'at night',
  'practise-most': 'You practise most {{part}}; there are not yet enough answers at other times to compare.',
  'practise-most-best': 'You practise most {{part}}, and that is also when you do best ({{percent}}% right).',
  'practise-most-but':
    'You practise most {{part}}, but do best {{best}} ({{percent}}% right there, {{overall}}% overall).',
  days_one: '{{count}} day',
  days_other: '{{count}} days',
  'streak-current': 'You have practised {{days}} in a row (your longest run: {{longest}}).',
  'streak-ended': 'Your streak ended; your longest run was {{longest}}. A session today starts a new one.',
  'streak-none': 'No streak yet: practise on two days in a row to start one.',
  'pattern-too-few_one':
    'Not enough practice yet to see patterns: {{count}} answer so far. A few more quiz answers or exercise submissions will tell more.',
  'pattern-too-few_other':
    'Not enough practice yet to see patterns: {{count}} answers so far. A few more quiz answers or exercise submissions will tell more.',
  'pattern-fine': 'No worrying patterns: keep going.',
  'sentences-2': '{{first}} {{second}}',
  'sentences-3': '{{first}} {{second}} {{third}}',

  // Desktop and browser alerts: a burst of one kind, said once
  'alert-reviews-due': '{{count}} review reminders',
  'alert-class-messages': '{{count}} messages from your class',
  'alert-announcements': '{{count}} announcements',
  'alert-new-assignments': '{{count}} new assignments',
  'alert-assignments-due': '{{count}} assignments due soon',
  'alert-struggling-learners': '{{count}} learners may need help',
  'alert-course-updates': '{{count}} course updates',
  'alert-notifications': '{{count}} new notifications',
  'alert-titles-2': '{{a}}; {{b}}',
  'alert-titles-3': '{{a}}; {{b}}; {{c}}',
  'alert-titles-more': '{{a}}; {{b}}; {{c}} and {{count}} more',

  // Classes and sync
  'class-server-unreadable': 'The class server gave an answer this app does not understand.',
  'class-server-unreachable': 'Cannot reach the class server at {{url}}: {{reason}}.',
  'class-not-listed': 'The class server did not list the class it created.',
  'join-code-shape': 'A join code has {{length}} letters and digits, like ABCD-2345; check it with your teacher.',
  'class-sign-in-first': 'Sign in to your class server first: Settings, Sync.',
  'sign-in-wrong': 'That email and password do not match an account on this server.',
  'sign-in-rate-limited': 'Too many sign-in attempts: wait a minute and try again.',
  'send-learner-refused':
    'Only teachers and admins send messages: this profile is signed in to {{server}} as a learner.',
  'sign-in-expired': 'The class server no longer accepts your sign-in: log in again in Settings, Sync.',
  'folder-unreadable': 'Cannot read the folder {{folder}}: {{reason}}.',

  // Notifications the core makes
  'notice-reviews-due_one': '{{count}} review due',
  'notice-reviews-due_other': '{{count}} reviews due',
  'notice-reviews-due-body': 'A few minutes of review today keeps what you learned.',
  'notice-streak_one': 'Your {{count}} day streak ends at midnight',
  'notice-streak_other': 'Your {{count}} days streak ends at midnight',
  'notice-streak-body': 'One lesson or exercise today keeps it going.',
  'notice-daily-goal': 'Daily goal reached',
  'notice-daily-goal-body': 'You practised {{minutes}} minutes today. Well done.',
  'notice-sandbox-ready': 'Code exercises are ready',
  'notice-sandbox-ready-body': 'The {{runtime}} sandbox finished loading: exercises run now.',
  'notice-pack-updated': 'Course updated: {{pack}} {{version}}',
  'notice-pack-updated-body': 'Version {{version}} replaced {{previous}}; your progress stays.',
  'notice-pack-new': 'New course: {{pack}}',
  'notice-pack-new-body': 'Version {{version}} is installed.',
  'notice-pack-available': 'A new version of {{pack}} is available',
  'notice-pack-available-body':
    'Version {{version}} is on the class server; this machine has {{installed}}. It installs by itself when it can; Settings shows why it has not yet.',
  'publish-not-admin':
    'Only a class server admin account publishes packs: this profile is signed in to {{server}} as a {{role}}.',
  'publish-refused': '{{server}} did not publish it: {{reason}}',
  'notice-assignment-due': 'Due soon: {{title}}',
  'notice-assignment-due-body': 'Due {{dueAt}}.',

  // Titles the core composes around content's own words (the pack's title stays as the pack wrote it)
  'assessment-title-adaptive': '{{topic}}: adaptive test',
  'assessment-title-fixed': '{{topic}}: test',
  'assessment-title-form': '{{topic}}: {{form}}',
  'quiz-step-title': '{{module}}: quiz',

  // What the admin's tools did, as the CLI prints it and the app shows it
  'pack-restored': 'Restored {{packId}} {{version}} as shipped with the app, pinned to the app again ({{before}}).',
  'restored-was-not-installed': 'it was not installed',
  'restored-was-in-use': 'version {{previousVersion}} was in use',
  'restored-was-pinned': 'it was pinned to key {{previousKey}}',
  'pack-published':
    'Published {{packId}} {{version}} (key {{keyId}}, SHA-256 {{sha256}}…): apps signed in to {{server}} pull it.',
  'pack-published-already': '{{packId}} {{version}} was published already with these exact bytes; nothing changed.',
  'folder-install-summary': '{{installed}} installed, {{upgraded}} upgraded, {{skipped}} skipped, {{refused}} refused',
  'folder-detail-already-installed': 'already installed',
  'folder-detail-was': 'was {{previous}}',
  'trust-key-not-pem': 'That is not an ed25519 public key in PEM form (pack-signing.pub).',
  'trust-key-shipped': 'Key {{keyId}} ships with the app and stays trusted.',
  'trust-key-unknown': 'No trusted key {{keyId}}.',
  'pack-version-not-installed': 'Version {{version}} of pack "{{packId}}" is not installed.',
  'pack-not-installed': 'No installed pack "{{packId}}".',
  'pack-exercise-unknown': 'No exercise "{{exerciseId}}" in {{packId}} {{version}}.',
  'pack-needs-newer-app':
    'Pack "{{packId}}" {{version}} needs app version {{minAppVersion}} or newer (this is {{appVersion}}).',
  'pack-older':
    'Pack "{{packId}}" {{version}} is older than the installed {{previous}}; allow a downgrade to install it.',
  'signing-key': 'key {{keyId}}',
  'signing-key-labelled': 'key {{keyId}} ({{label}})',
  'pack-signer-not-app':
    'Pack "{{packId}}" ships with the app and is pinned to it, but this file is signed by {{signer}}. Nothing was installed. If the pack has really changed hands, an admin can replace the key (lionlearn pack install --replace-key).',
  'pack-signer-not-pinned':
    'Pack "{{packId}}" is pinned to {{pinned}}, but this file is signed by {{signer}}. Nothing was installed. If the pack has really changed hands, an admin can replace the key (lionlearn pack install --replace-key).',
  'pack-not-shipped': 'No pack "{{packId}}" ships with this app.',
  'calibration-no-answers': 'There are no quiz answers to calibrate from yet.',
  'calibration-unknown-items_one':
    '{{count}} item in the answers is not an installed quiz item ({{items}}): nothing was calibrated.',
  'calibration-unknown-items_other':
    '{{count}} items in the answers are not installed quiz items ({{items}}): nothing was calibrated.',
  'roster-sign-in-refused': 'The class server refused the admin sign-in: {{reason}}',
  'roster-not-admin': '{{email}} is not an admin on {{server}}; nothing was created.',
} as const;
