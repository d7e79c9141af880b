import { createContext, useContext } from 'react';
import type { HTMLAttributes, ReactNode } from 'react';
import { DEFAULT_CONTENT_LANGUAGE } from '../../../common/contract/content.js';

/**
 * The language of the pack content on screen (its manifest's "language"), apart from the app's: a German
 * learner reads an English pack, and a screen reader must pronounce the lesson as English and the buttons
 * around it as German. Screens that show a pack's content provide it; deeper parts (a question, a hint) read it.
 * Without a provider (a review, a test of several modules): English, the language every shipped pack is in.
 */
const ContentLanguage = createContext<string>(DEFAULT_CONTENT_LANGUAGE);

export const useContentLanguage = (): string => useContext(ContentLanguage);

/** Content of a pack in `language` (absent from an older core: English) below here. */
export function ContentLanguageProvider({ language, children }: { language: string | undefined; children: ReactNode }) {
  return <ContentLanguage.Provider value={language ?? DEFAULT_CONTENT_LANGUAGE}>{children}</ContentLanguage.Provider>;
}

/** A block of the pack's words (a prompt, an explanation) marked with the pack's language. */
export function InContentLanguage(props: Omit<HTMLAttributes<HTMLDivElement>, 'lang'> & { 'data-testid'?: string }) {
  return <div {...props} lang={useContentLanguage()} />;
}
