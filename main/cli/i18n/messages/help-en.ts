/**
 * What `lionlearn --help` and each command's `--help` say, in English: the descriptions of the commands,
 * their options and arguments, and commander's own headings. Kept apart from the sentences the commands
 * print (en.ts, admin-en.ts); all three are the CLI's `cli` namespace, so keys never repeat across them.
 * These English texts are exactly what the help said before it was translated.
 */
export const cliHelpEn = {
  // commander's own words
  'help-heading-usage': 'Usage:',
  'help-heading-options': 'Options:',
  'help-heading-commands': 'Commands:',
  'help-heading-arguments': 'Arguments:',
  'help-heading-global-options': 'Global Options:',
  'help-syntax-options': 'options',
  'help-syntax-command': 'command',
  'help-option-help': 'display help for command',
  'help-command-help': 'display help for command',
  'help-option-version': 'output the version number',
  'help-extra-choices': 'choices:',
  'help-extra-default': 'default:',
  'help-extra-preset': 'preset:',
  'help-extra-env': 'env:',
  // lionlearn itself
  'help-program': 'Lionagi Learn: learn Python and lionagi offline',
  'help-option-data-dir': 'the data folder (default: $LIONLEARN_DATA_DIR, else the OS app-data folder)',
  'help-option-lang': "the language to answer in: en or de (default: the profile's, else LC_ALL/LANG)",
  // the admins' commands: their headlines, as the lists of commands show them (the rest is in help-admin-en.ts)
  'help-serve': 'serve the app to a browser on this machine (the browser face)',
  'help-pack': 'build, sign, check, verify and install content packs',
  'help-trust': 'the keys whose packs this machine installs',
  'help-admin': 'the machine admin, who installs packs and removes profiles',
  'help-sandbox': 'the local code sandboxes (Docker)',
  'help-doctor': 'check what the app needs (database, packs, Docker, sandbox image) and say how to fix what is wrong',
  'help-model': 'the adaptive engine’s knowledge-tracing models',
  'help-notify': "messages to learners' inboxes on a class server",
  'help-assess-calibrate':
    "refit the item bank (2PL, marginal maximum likelihood) from a CSV or JSON of answers, else from this machine's quiz answers",
  'help-assess-simulate':
    'simulated learners of known ability: items an adaptive test needs against a fixed form, at the same SE',
  'help-admin-status': 'whether an admin password is set',
  'help-pack-keygen': 'make an ed25519 key pair for signing packs',
  'help-pack-build': 'build a signed .lpack from a pack source folder',
  'help-pack-verify': 'check a pack’s signature and contents without installing it',
  'help-pack-list': 'list installed packs and their versions',
  'help-pack-use': 'switch a pack to another installed version (roll back or forward)',
  'help-pack-remove': 'remove a pack and all its versions',
  'help-pack-restore': 'admin: install again the version of a pack shipped with the app, pinned to the app',
  'help-sandbox-build': "build a runtime's sandbox image from Debian packages (debootstrap; run as root)",
  'help-sandbox-load':
    'load a runtime image from a `docker save` archive (an admin can also drop it in the data folder)',
  'help-sandbox-status': 'the engine, the image, and the sandbox containers of the apps on this machine',
  'help-sandbox-prune': 'remove the sandbox containers of apps on this machine that are no longer running',
  'help-admin-set-password':
    'set the admin password (asked twice on the terminal, or LIONLEARN_NEW_ADMIN_PASSWORD); changing it asks for the current one (or LIONLEARN_ADMIN_PASSWORD)',
  'help-pack-install':
    'install or upgrade a signed pack (the previous version stays until the new one is in place); given a folder, every .lpack in it, with a summary',
  'help-pack-check':
    "run every exercise's and code quiz item's reference (must pass) and starter (must fail) in the real sandbox, and check lessons and prompts against AUTHORING.md's rules",
  'help-model-eval':
    'score every model on a knowledge-tracing data set (5-fold by learner, --split, or on --test), in the common protocol (every row an answer) and the leak-free one (a multi-skill answer one step)',
  'help-model-simulate':
    'simulated learners: exercises to mastery under the adaptive rule, course order and random order',
  'help-model-train': 'train the deep model on a class’s answers and write a model folder a content pack can carry',
  // shared options
  'help-option-json': 'print JSON',
  'help-option-learner-answers': 'whose answers these are (default: the only profile)',
  'help-option-learner-assessment': 'whose assessment (default: the only profile)',
  // start
  'help-start': 'open the desktop app; where Electron cannot run, serve the browser face instead',
  // content
  'help-modules': 'list the installed modules',
  'help-lesson': 'print a lesson as Markdown',
  'help-search': 'search lessons, exercises and quizzes (BM25 ranked)',
  'help-search-pack': 'only this pack',
  'help-search-module': 'only this module (pack-id/module-id)',
  'help-search-kind': 'lesson, exercise or quiz',
  'help-search-difficulty': 'only this difficulty (1-5)',
  'help-search-limit': 'how many results',
  'help-info': 'show the app version, schema version and data folder',
  // learner
  'help-learner': 'local learner profiles: list, create, export, import, remove',
  'help-learner-list': 'list the profiles on this machine',
  'help-learner-create': 'make a profile (with --pin, asks for a PIN, or reads LIONLEARN_PIN)',
  'help-learner-create-pin': 'protect the profile with a PIN',
  'help-learner-create-goal': 'learning goals',
  'help-learner-export': "write a learner's profile and every progress event to a JSON lines file",
  'help-learner-export-out': 'where to write (default: the exports folder in the data folder)',
  'help-learner-import': 'add a learner (or their new events) from an export; importing again adds nothing',
  'help-learner-remove': 'admin: export, then remove a profile and its progress',
  'help-learner-remove-confirm': 'the profile name typed again',
  // progress
  'help-progress': "a learner's progress",
  'help-progress-show': 'completion, mastery, streak and time on task',
  'help-progress-rebuild': 'derive every projection again from the event log (all learners, in one transaction)',
  'help-analytics': 'time on task, activity by day, accuracy and mastery per skill, assessments, over local days',
  'help-analytics-days': 'the last N days, today included',
  'help-analytics-from': 'first day (YYYY-MM-DD), instead of --days',
  'help-analytics-to': 'last day (YYYY-MM-DD, default today)',
  'help-analytics-time-zone': "an IANA time zone (default: this machine's)",
  // path
  'help-path': "a learner's learning path toward their goal, and what changed since it was last shown",
  'help-path-goal': 'a module id, a skill id or "all" (default: the profile\'s goal)',
  'help-path-all': 'list the steps already done too',
  // quiz
  'help-quiz': "take a module's quiz in the terminal (answers may be piped in, one a line)",
  'help-quiz-missed': 'only the items last answered wrong',
  // assess
  'help-assess': 'assessments: take an adaptive test, resume it, see its report; calibrate and simulate the item bank',
  'help-assess-start':
    'start an adaptive test of a pack or module and take it here (answers may be piped in, one a line)',
  'help-assess-start-learner': 'who takes it (default: the only profile)',
  'help-assess-start-fixed': 'a fixed form (the same items for everyone) instead of an adaptive test',
  'help-assess-start-items': 'at most this many items (default 20)',
  'help-assess-start-item': "a fixed form of these quiz items, in this order (a teacher's pick)",
  'help-assess-start-form': 'a test the pack ships (its items and time limit; TOPIC is the pack)',
  'help-assess-start-minutes': 'a time limit, kept by the app',
  'help-assess-start-target-se': 'an adaptive test stops at this standard error (default 0.3)',
  'help-assess-resume': 'go on with an unfinished assessment (the only one, or the one named)',
  'help-assess-report':
    'the report of an assessment (the latest finished one by default); one still running is handed in',
  // run
  'help-run':
    "run a file in the sandbox and print the result as JSON; with --exercise, the exercise's tests " +
    'against it (exits 1 when a test does not pass)',
  'help-run-file': 'the program (or, with --exercise, the solution)',
  'help-run-exercise': 'grade the file against this exercise, as the app does (nothing is recorded)',
  'help-run-stdin': "a file whose text is the program's standard input",
  'help-run-timeout': 'wall-clock limit in milliseconds (within the admin maxima)',
} as const;
