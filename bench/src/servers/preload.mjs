// Preloaded into every server child: SIGUSR2 exits normally, so `--cpu-prof` gets written.
/* global process */
process.on('SIGUSR2', () => process.exit(0));
