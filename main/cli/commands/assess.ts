import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { text } from '../i18n/cli-i18n.js';
import { registerAssessCalibrate } from './assess-calibrate.js';
import { registerAssessReport } from './assess-report.js';
import { registerAssessResume } from './assess-resume.js';
import { registerAssessSimulate } from './assess-simulate.js';
import { registerAssessStart } from './assess-start.js';

/** `lionlearn assess`: adaptive tests and fixed forms in the terminal, and the item bank's calibration. */
export function registerAssess(program: Command, layout: InstallLayout): void {
  const assess = program.command('assess').description(text('help-assess'));
  registerAssessStart(assess, layout);
  registerAssessResume(assess, layout);
  registerAssessReport(assess, layout);
  registerAssessCalibrate(assess, layout);
  registerAssessSimulate(assess);
}
