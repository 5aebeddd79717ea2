import { useT } from '../i18n';
import { unnamedAuthor } from './authorName';

/**
 * An author for the screen: the built-in "This computer" (recorded in English in shared documents,
 * so every teammate's app can recognise it) is written in the app's language; a real name as recorded.
 */
export function useAuthorLabel(): (author: string) => string {
  const t = useT();
  return (author) => (author === unnamedAuthor ? t('settings.author.unnamed') : author);
}
