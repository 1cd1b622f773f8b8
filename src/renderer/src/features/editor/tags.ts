/** Tag on editor updates that load content from the backend: they are not user edits. */
export const LOAD_TAG = 'redaksi-load';
