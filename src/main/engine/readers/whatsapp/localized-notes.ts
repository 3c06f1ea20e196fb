/**
 * The notes WhatsApp writes in place of media, deleted messages and the encryption notice, in the
 * languages known from real exports (English first). Lower case; matched without regard to case.
 * A language missing here only means its notes stay plain text.
 */

/** `<Media omitted>`: Android, media left out of the export. */
export const OMITTED_MEDIA_NOTES = [
  'media omitted',
  'medien ausgelassen',
  'multimedia omitido',
  'archivo omitido',
  'mídia oculta',
  'médias omis',
  'media omessi',
  'media weggelaten',
  'medya dahil edilmedi',
  'media tidak disertakan',
  'медиафайл отсутствует',
  'медиафайлы отсутствуют',
  'без медиафайлов',
] as const;

/** `image omitted`: iOS, what was left out, then the word for "omitted". */
export const OMITTED_IOS_KINDS = [
  'image',
  'video',
  'audio',
  'sticker',
  'gif',
  'contact card',
  'bild',
  'kontaktkarte',
  'imagen',
  'vídeo',
  'tarjeta de contacto',
  'imagem',
  'áudio',
  'figurinha',
  'cartão de contato',
] as const;
export const OMITTED_IOS_WORDS = [
  'omitted',
  'weggelassen',
  'omitido',
  'omitida',
  'ocultado',
  'ocultada',
] as const;
export const OMITTED_DOCUMENT_NOTES = [
  'document omitted',
  'dokument weggelassen',
  'documento omitido',
] as const;

/** `<attached: NAME>`: iOS, a file that is in the export. */
export const ATTACHED_IOS_WORDS = [
  'attached',
  'anhang',
  'adjunto',
  'anexo',
  'allegato',
  'pièce jointe',
  'bijlage',
] as const;
/** `NAME <attached>`: older iOS exports. */
export const ATTACHED_OLD_IOS_WORDS = ['attached', 'angehängt'] as const;
/** `NAME (file attached)`: Android, a file that is in the export. */
export const ATTACHED_ANDROID_NOTES = [
  'file attached',
  'datei angehängt',
  'archivo adjunto',
  'fichier joint',
  'arquivo anexado',
  'file allegato',
  'bestand bijgevoegd',
  'dosya ekli',
  'файл прикреплён',
  'файл прикреплен',
  'plik załączony',
  'fil vedhæftet',
  'fil bifogad',
  'tiedosto liitetty',
] as const;

export const DELETED_NOTES = [
  'this message was deleted',
  'you deleted this message',
  'diese nachricht wurde gelöscht',
  'du hast diese nachricht gelöscht',
  'se eliminó este mensaje',
  'eliminaste este mensaje',
  'ce message a été supprimé',
  'vous avez supprimé ce message',
  'mensagem apagada',
  'esta mensagem foi apagada',
  'você apagou esta mensagem',
  'questo messaggio è stato eliminato',
  'hai eliminato questo messaggio',
] as const;

/** How the encryption notice begins (older and newer wordings). */
export const ENCRYPTION_NOTICE_STARTS = [
  'messages and calls are end-to-end encrypted',
  'messages to this group are now secured with end-to-end encryption',
  'messages to this chat and calls are now secured with end-to-end encryption',
  'messages you send to this group are now secured with end-to-end encryption',
  'messages you send to this chat and calls are now secured with end-to-end encryption',
  'nachrichten und anrufe sind ende-zu-ende-verschlüsselt',
  'los mensajes y las llamadas están cifrados de extremo a extremo',
  'les messages et les appels sont chiffrés de bout en bout',
  'as mensagens e as chamadas são protegidas com a criptografia de ponta a ponta',
  'i messaggi e le chiamate sono crittografati end-to-end',
] as const;

/** A regular-expression alternation of literal words. */
export function anyOf(words: readonly string[]): string {
  return `(?:${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})`;
}
