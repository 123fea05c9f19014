// Size limits both sides respect.
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
export const MAX_NAME_LENGTH = 200;
export const MAX_TITLE_LENGTH = 300;
export const MAX_EVENT_FORM_LENGTH = 100;
export const MAX_EVENT_FORMS = 100;
/** A multi-use invite link admits at most this many people. */
export const MAX_INVITE_USES = 500;
