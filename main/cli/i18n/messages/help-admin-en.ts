/**
 * What the admins' and authors' commands say in `--help` beyond their headlines (help-en.ts has those): the
 * descriptions of the class-server commands and of `trust`'s subcommands, and every option of the admin tools
 * (publish, import, notify, assess calibrate and simulate, model, pack, sandbox, serve). Environment variables
 * are values, never words to translate. Part of the CLI's one `cli` namespace, like the other catalogs.
 */
export const cliHelpAdminEn = {
  // shared by several commands
  'help-option-server': 'the class server, e.g. http://192.168.1.10:4781',
  'help-option-admin-email': 'the server admin account (default: {{env}})',
  'help-option-runtime': 'the runtime',
  'help-option-seed': 'random seed (the same seed prints the same figures)',
  // admin publish, publish-app, import-learners
  'help-admin-publish':
    'publish a signed .lpack on the class server: every signed-in app pulls it (server admin account; password from {{passwordEnv}} or the terminal)',
  'help-admin-publish-app':
    'publish a signed app release (electron-builder output: latest*.yml and installers) on the class server',
  'help-admin-publish-app-key': 'the secret signing key (pack-signing.key); apps must trust its public key',
  'help-admin-publish-app-staging': 'staged rollout: the share of apps (0-100) offered this release',
  'help-admin-import-learners':
    'create learner accounts on a class server from a CSV (name, email, optional password), optionally in a class, and write printable sign-in cards; the server admin password is asked on the terminal or read from {{passwordEnv}}',
  'help-admin-import-learners-class': 'add every learner to the class with this join code',
  'help-admin-import-learners-cards': 'where to write the sign-in cards',
  // notify send
  'help-notify-send':
    'send a message to a class (--class JOIN-CODE), one learner (--learner ACCOUNT-ID) or everyone (--everyone, admins); signs in as --email (or {{emailEnv}}) with the password asked on the terminal or read from {{passwordEnv}}',
  'help-notify-send-email': "the teacher's or admin's account (default: {{env}})",
  'help-notify-send-class': "the class's join code",
  'help-notify-send-learner': "a learner's account id",
  'help-notify-send-everyone': 'every account on the server (admins only)',
  'help-notify-send-text': 'the message: plain text, or Markdown with --markdown',
  'help-notify-send-title': 'a title (default: "Message from <your name>")',
  'help-notify-send-markdown': "the text is the app's Markdown (shown sanitized)",
  'help-notify-send-important': 'mark it important (also emailed where the server sends email)',
  'help-notify-send-link': "what it is about, as an app link such as '#/lessons/<id>'",
  // trust
  'help-trust-add': 'trust the packs signed with a key, given its public key file (pack-signing.pub)',
  'help-trust-add-label': 'who the key belongs to',
  'help-trust-list': 'list the trusted keys, who each belongs to and when it was added',
  'help-trust-remove': 'stop trusting a key: packs signed with it no longer install',
  // pack
  'help-pack-check-trust': 'public key file(s), to check a signed .lpack',
  'help-pack-check-concurrency': 'exercises checked at once',
  'help-pack-keygen-out': 'folder for pack-signing.key (secret) and pack-signing.pub',
  'help-pack-build-key': 'the secret signing key (pack-signing.key)',
  'help-pack-build-out': 'where to write the .lpack',
  'help-pack-verify-trust': 'public key file(s) to trust',
  'help-pack-install-allow-downgrade': 'install even when the file is older than the installed version',
  'help-pack-install-replace-key':
    'admin: accept a signing key other than the one the pack id is pinned to, and pin the new one',
  // serve
  'help-serve-port': 'port to listen on (0 picks a free one)',
  'help-serve-host': 'address to listen on (beyond loopback only with --allow-lan)',
  'help-serve-allow-lan':
    "let --host be an address beyond this machine: anyone on the network with the link can read and change every learner's progress, over plain HTTP",
  // assess calibrate, simulate
  'help-assess-calibrate-answers':
    'CSV with a header learner,item,correct (1 or 0), or JSON [{"learner","item","correct"}]',
  'help-assess-simulate-learners': 'simulated learners',
  'help-assess-simulate-items': 'items in the simulated bank',
  'help-assess-simulate-skills': 'skills the bank covers',
  'help-assess-simulate-target-se': 'the adaptive test stops at this standard error',
  'help-assess-simulate-max-items': '... or after this many items',
  // model eval, train, simulate
  'help-model-eval-train': 'training data (the format of ../shared/data/kt/README.md)',
  'help-model-eval-test': 'held-out data; without it, cross-validation inside --train',
  'help-model-eval-folds': 'folds for cross-validation',
  'help-model-eval-split': 'instead of folds, one split holding out this share of the learners (e.g. 0.2)',
  'help-model-eval-epochs':
    'most training passes of the deep model (0 leaves it out: the simple models are then stacked alone)',
  'help-model-eval-model':
    'the deep model: dkt (LSTM), dkt-history (LSTM reading per-skill counts), dkt-answer (and a multi-skill answer’s other skill), sakt (attention), akt (monotonic attention) or dkvmn (key-value memory); several, separated by commas, are each scored and then stacked together with the simple models (the largest stack also by boosted trees); an entry may set its own units, heads and seed (akt:128x4@8), so one stack can hold two sizes or seeds of one model',
  'help-model-eval-hidden': 'state size of the deep model (64 by default)',
  'help-model-eval-dropout': 'dropout of the deep model in training (0.2 by default)',
  'help-model-eval-heads': 'attention heads of sakt and akt (2 by default)',
  'help-model-eval-patience': 'epochs without a better validation AUC before the deep model stops (2 by default)',
  'help-model-eval-seed': 'seed of the folds and of the deep model’s training: the same seed, the same figures',
  'help-model-eval-jobs':
    'how many models to fit at once, each deep model in a process of its own (each may use up to 2 GB)',
  'help-model-train-train': 'answers in the knowledge-tracing format (../shared/data/kt/README.md)',
  'help-model-train-out': 'the model folder to write (model.json, weights.bin)',
  'help-model-train-skills': 'the pack’s skill ids, one a line: line n (from 0) names skill number n of --train',
  'help-model-train-epochs': 'most training passes',
  'help-model-train-model':
    'dkt (LSTM), dkt-history (LSTM reading per-skill counts), sakt (attention), akt (monotonic attention) or dkvmn (key-value memory)',
  'help-model-simulate-learners': 'simulated learners per world and seed',
  'help-model-simulate-seed': 'first random seed',
  'help-model-simulate-seeds': 'seeds to run (seed, seed + 1, ...): the confidence intervals are over them',
  'help-model-simulate-budget': 'exercises a learner may do before counting as not mastered',
  'help-model-simulate-synthetic':
    'also fit courses to the *.csv sets there (each with its _info.txt), as in ../shared/data/kt/synthetic',
} as const;
