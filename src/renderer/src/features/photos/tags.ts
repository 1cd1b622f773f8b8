/**
 * Tag on editor updates that change an image's caption, credit or alt text from its own fields.
 * Consecutive keystrokes in one field are merged into one undo step (Lexical's history-merge tag);
 * this tag tells the autosave that such a merged update is a real edit all the same.
 */
export const IMAGE_FIELD_TAG = 'redaksi-image-field';

/** Data type of a figure being dragged to another place in the article (carries its node key). */
export const IMAGE_DRAG_TYPE = 'application/x-redaksi-image';

/** What the file picker offers: anything the browser calls an image, plus iPhone HEIC/HEIF. */
export const PHOTO_ACCEPT = 'image/*,.heic,.heif';
