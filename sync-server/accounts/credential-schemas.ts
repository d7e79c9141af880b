import { z } from 'zod';
import { ruleText } from '../../common/i18n/input-issues.js';

/** Emails are compared as stored: trimmed and in lower case. */
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

// The upper bound keeps one request from buying seconds of scrypt with a megabyte of password.
export const newPasswordSchema = z.string().min(8, ruleText('rule-password-length')).max(256);
export const givenPasswordSchema = z.string().min(1).max(256);

export const displayNameSchema = z.string().trim().min(1).max(100);
